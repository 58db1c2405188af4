import request from 'supertest';
import { OrdersService } from '@zhengjian/orders';
import { WebhookScheduler } from '@zhengjian/webhooks';
import { type RunningService, eventually, startService } from '../service/service.harness';
import { WebhookReceiver } from './webhook-receiver';

const RETRY_BASE_MS = 600_000;

interface AttemptItem {
  id: string;
  deliveryId: string;
  attempt: number;
  status: string;
  durationMs: number | null;
  createdAt: string;
  nextAttemptAt: string | null;
}

/**
 * The admin deliveries list's `nextAttemptAt` and redelivery by the `X-Zhengjian-Delivery` id a receiver saw, against
 * the real api, worker, Postgres and Redis. The order is created and finished through `OrdersService` and its chain
 * started by the `WebhookScheduler` (the recognition path is tested elsewhere; the worker runs the `juhe` provider
 * so that no OCR model is loaded). The retry base is 10 minutes, so a failed attempt stays `retrying` during the test.
 */
describe('webhook delivery schedule and redelivery by delivery id (service)', () => {
  let service: RunningService;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = new WebhookReceiver();
    await receiver.start();
    service = await startService({
      webhookAllowPrivate: true,
      webhookRetryBaseMs: RETRY_BASE_MS,
      webhookMaxAttempts: 3,
      recognitionProvider: 'juhe',
      juheAppKey: 'unused',
      juheBaseUrl: 'http://127.0.0.1:9',
    });
  }, 120_000);

  afterAll(async () => {
    await service?.close();
    await receiver?.stop();
  }, 60_000);

  const admin = (path: string, method: 'get' | 'post' = 'get') =>
    request(service.api.getHttpServer())[method](path).set('Authorization', `Bearer ${service.config.adminToken}`);

  it('shows when a retrying chain tries again, null once final, and redelivers by the X-Zhengjian-Delivery id', async () => {
    const key = await service.apiKeys.create({ name: 'hooks' });
    const orders = service.api.get(OrdersService);
    const order = await orders.create({
      apiKeyId: key.id,
      cardType: 2,
      mode: 'async',
      image: Buffer.from('image'),
      callbackUrl: receiver.url('/hooks/schedule'),
    });
    await orders.markProcessing(order.id);
    await orders.finish(order.id, { errorCode: 215305, reason: '识别失败', result: null, provider: 'juhe' });
    receiver.failFirst('/hooks/schedule', 1);
    expect(await service.api.get(WebhookScheduler).scheduleForOrder(order.id)).toBe('scheduled');

    const [retrying] = await eventually(async () => {
      const res = await admin(`/admin/webhooks/deliveries?orderid=${order.orderid}`);
      const items = res.body.items as AttemptItem[];
      return items.length === 1 && items[0].status === 'retrying' ? items : undefined;
    }, 30_000);
    expect(retrying).toMatchObject({ attempt: 1, status: 'retrying', nextAttemptAt: expect.any(String) });
    // Attempt 2 is due RETRY_BASE_MS after attempt 1 ended (its start plus its duration); created_at has
    // microseconds, the ISO strings milliseconds, hence the one-millisecond range.
    const due = Date.parse(retrying.nextAttemptAt!) - Date.parse(retrying.createdAt) - (retrying.durationMs ?? 0);
    expect(due).toBeGreaterThanOrEqual(RETRY_BASE_MS);
    expect(due).toBeLessThanOrEqual(RETRY_BASE_MS + 1);

    // The receiver saw the chain's delivery id (the order's internal id for its first chain), not the attempt's id.
    const [seen] = receiver.at('/hooks/schedule');
    const deliveryHeader = seen.headers['x-zhengjian-delivery'] as string;
    expect(deliveryHeader).toBe(retrying.deliveryId);
    expect(deliveryHeader).not.toBe(retrying.id);
    const res = await admin(`/admin/webhooks/deliveries/${deliveryHeader}/redeliver`, 'post');
    expect(res.status).toBe(202);
    expect(res.body).toEqual({
      deliveryId: expect.any(String),
      orderid: order.orderid,
      url: receiver.url('/hooks/schedule'),
    });

    const items = await eventually(async () => {
      const list = await admin(`/admin/webhooks/deliveries?orderid=${order.orderid}`);
      const found = list.body.items as AttemptItem[];
      return found.some((i) => i.status === 'delivered') ? found : undefined;
    }, 30_000);
    expect(items.map((i) => [i.deliveryId, i.attempt, i.status, i.nextAttemptAt === null])).toEqual([
      [res.body.deliveryId, 1, 'delivered', true],
      [deliveryHeader, 1, 'retrying', false],
    ]);
    expect(receiver.at('/hooks/schedule').map((h) => h.headers['x-zhengjian-delivery'])).toEqual([
      deliveryHeader,
      res.body.deliveryId,
    ]);
  });

  it('answers 404 for an id that is neither an attempt nor a delivery', async () => {
    const res = await admin('/admin/webhooks/deliveries/00000000-0000-4000-8000-000000000000/redeliver', 'post');
    expect([res.status, res.body.message]).toEqual([
      404,
      'no delivery attempt or delivery 00000000-0000-4000-8000-000000000000',
    ]);
  });
});
