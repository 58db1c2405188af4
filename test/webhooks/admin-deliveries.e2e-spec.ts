import request from 'supertest';
import { type ServiceImages, serviceImages } from '../service/images.fixture';
import { type RunningService, eventually, nextIp, startService } from '../service/service.harness';
import { type VerifySignature, loadVerifySnippet } from './verify-snippet';
import { WebhookReceiver } from './webhook-receiver';

const SLOW = 180_000;

/** The admin deliveries list and redelivery, and the key's default webhook endpoint, against the real services. */
describe('admin webhook deliveries (service)', () => {
  let service: RunningService;
  let images: ServiceImages;
  let receiver: WebhookReceiver;
  let verify: VerifySignature;
  let key: { id: string; key: string; webhookSecret: string | null };
  let orderid: string;

  beforeAll(async () => {
    verify = loadVerifySnippet();
    images = await serviceImages(5);
    receiver = new WebhookReceiver();
    await receiver.start();
    service = await startService({ webhookAllowPrivate: true, webhookRetryBaseMs: 200 });
    // The key's default endpoint: async orders without a callbackUrl are delivered there.
    key = await service.apiKeys.create({ name: 'admin-hooks', webhookUrl: receiver.url('/hooks/default') });
    const res = await submit({ cardType: 2, base64: images.blankJpeg.toString('base64') });
    orderid = res.body.orderid as string;
    await eventually(async () => (receiver.at('/hooks/default').length > 0 ? true : undefined), 120_000);
  }, SLOW);

  afterAll(async () => {
    await service?.close();
    await receiver?.stop();
  }, 60_000);

  const http = () => request(service.api.getHttpServer());
  const admin = (path: string, method: 'get' | 'post' = 'get') =>
    http()[method](path).set('Authorization', `Bearer ${service.config.adminToken}`);
  function submit(body: Record<string, unknown>) {
    return http().post('/v1/recognitions').set('X-Forwarded-For', nextIp()).set('X-Api-Key', key.key).send(body);
  }

  it(
    'delivers async orders to the key default endpoint, and never fires for sync orders',
    async () => {
      const [hook] = receiver.at('/hooks/default');
      expect(verify(hook.rawBody, hook.headers, key.webhookSecret ?? '')).toBe(true);
      expect(JSON.parse(hook.rawBody.toString('utf8'))).toMatchObject({
        orderid,
        status: 'failed',
        error_code: 215305,
      });
      const sync = await http()
        .post('/certificates/queryBase64')
        .set('X-Forwarded-For', nextIp())
        .type('form')
        .send({ key: key.key, cardType: '2', base64: images.blankJpeg.toString('base64') });
      expect(sync.body.error_code).toBe(215305);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(receiver.at('/hooks/default')).toHaveLength(1);
    },
    SLOW,
  );

  it('refuses the deliveries endpoints without the admin token', async () => {
    const list = await http().get('/admin/webhooks/deliveries');
    const wrong = await http().get('/admin/webhooks/deliveries').set('Authorization', 'Bearer not-the-token-at-all');
    const redeliver = await http().post('/admin/webhooks/deliveries/00000000-0000-4000-8000-000000000000/redeliver');
    expect([list.status, wrong.status, redeliver.status]).toEqual([401, 401, 401]);
  });

  it('lists attempts by order and status with cursor pages', async () => {
    const res = await admin(`/admin/webhooks/deliveries?orderid=${orderid}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      items: [
        {
          id: expect.any(String),
          deliveryId: expect.any(String),
          orderid,
          url: receiver.url('/hooks/default'),
          attempt: 1,
          status: 'delivered',
          statusCode: 204,
          durationMs: expect.any(Number),
          error: null,
          createdAt: expect.stringMatching(/^\d{4}-/),
          nextAttemptAt: null,
        },
      ],
      nextCursor: null,
    });
    const failed = await admin(`/admin/webhooks/deliveries?orderid=${orderid}&status=failed`);
    expect(failed.body.items).toEqual([]);
    const bad = await admin('/admin/webhooks/deliveries?status=lost');
    expect(bad.status).toBe(400);
    const badCursor = await admin('/admin/webhooks/deliveries?cursor=bm9wZQ');
    expect(badCursor.status).toBe(400);
  });

  it(
    'redelivers as a new chain with the same payload, and pages through both',
    async () => {
      const [first] = (await admin(`/admin/webhooks/deliveries?orderid=${orderid}`)).body.items as { id: string }[];
      const res = await admin(`/admin/webhooks/deliveries/${first.id}/redeliver`, 'post');
      expect(res.status).toBe(202);
      expect(res.body).toEqual({ deliveryId: expect.any(String), orderid, url: receiver.url('/hooks/default') });
      const hooks = await eventually(async () => {
        const got = receiver.at('/hooks/default');
        return got.length >= 2 ? got : undefined;
      }, 30_000);
      const [original, again] = hooks;
      expect(again.headers['x-zhengjian-delivery']).toBe(res.body.deliveryId);
      expect(again.headers['x-zhengjian-delivery']).not.toBe(original.headers['x-zhengjian-delivery']);
      expect(again.headers['x-zhengjian-attempt']).toBe('1');
      expect(again.rawBody.toString('utf8')).toBe(original.rawBody.toString('utf8'));
      expect(verify(again.rawBody, again.headers, key.webhookSecret ?? '')).toBe(true);

      await eventually(async () => {
        const list = await admin(`/admin/webhooks/deliveries?orderid=${orderid}&status=delivered`);
        return list.body.items.length === 2 ? list : undefined;
      }, 10_000);
      const page1 = await admin(`/admin/webhooks/deliveries?orderid=${orderid}&limit=1`);
      expect(page1.body.items).toHaveLength(1);
      expect(page1.body.nextCursor).toEqual(expect.any(String));
      const page2 = await admin(
        `/admin/webhooks/deliveries?orderid=${orderid}&limit=1&cursor=${page1.body.nextCursor}`,
      );
      expect(page2.body.items).toHaveLength(1);
      expect(page2.body.nextCursor).toBeNull();
      expect(page2.body.items[0].id).not.toBe(page1.body.items[0].id);
      const missing = await admin('/admin/webhooks/deliveries/00000000-0000-4000-8000-000000000000/redeliver', 'post');
      expect(missing.status).toBe(404);
    },
    SLOW,
  );
});
