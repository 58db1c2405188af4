import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { RecognitionQueue } from '@zhengjian/queue';
import { createWorkerApp } from '../../apps/worker/src/worker.app';
import { type ServiceImages, serviceImages } from '../service/images.fixture';
import { type RunningService, eventually, nextIp, startService } from '../service/service.harness';

const SLOW = 180_000;

/**
 * Sync orders are billed only when their client saw the billable answer: a timeout (215300), a dropped connection
 * or an overload refusal costs nothing, an order not started when its client left is cancelled, and one already
 * running finishes unbilled. Api and PostgreSQL/Redis are real; the worker is booted only when a test needs one.
 */
describe('billing of sync requests follows what the client saw (service)', () => {
  let service: RunningService;
  let images: ServiceImages;
  let key: { id: string; key: string };
  let worker: INestApplication | undefined;

  beforeAll(async () => {
    images = await serviceImages(6);
    service = await startService({ syncTimeoutMs: 10_000, syncMaxQueueDepth: 2 }, { withWorker: false });
    key = await service.apiKeys.create({ name: 'sync-billing' });
  }, SLOW);

  afterAll(async () => {
    await worker?.close();
    await service?.close();
  }, 60_000);

  const form = (userid: string) => ({
    key: key.key,
    cardType: '2',
    userid,
    base64: images.tinyJpeg.toString('base64'),
  });
  const recognize = (userid: string) =>
    request(service.api.getHttpServer())
      .post('/certificates/queryBase64')
      .set('X-Forwarded-For', nextIp())
      .type('form')
      .send(form(userid));
  const orderOf = async (userid: string) =>
    (
      await service.sql.query<{ orderid: string; status: string; error_code: number | null; billed: string }>(
        `SELECT orderid, status, error_code,
                (SELECT count(*) FROM billing_records b WHERE b.order_id = o.id) AS billed
           FROM orders o WHERE userid = $1`,
        [userid],
      )
    ).rows;
  const errorRowsOf = async (userid: string) =>
    (
      await service.sql.query<{ error_code: number; detail: string }>(
        `SELECT e.error_code, e.detail FROM error_events e JOIN orders o ON o.id = e.order_id WHERE o.userid = $1`,
        [userid],
      )
    ).rows;
  const waiting = () => service.api.get(RecognitionQueue).waitingCount();
  const timedOut = { error_code: 215300, reason: '网络错误,请稍后重试', result: null };

  it(
    'refuses with 215300 while SYNC_MAX_QUEUE_DEPTH jobs wait, then cancels timed-out orders unbilled',
    async () => {
      const first = [recognize('t-1'), recognize('t-2')].map((r) => r.then((res) => res));
      await eventually(async () => ((await waiting()) === 2 ? true : undefined), 30_000);
      const refused = await recognize('t-3');
      expect(refused.body).toEqual(timedOut);
      expect(await orderOf('t-3')).toEqual([]);
      const { rows: counted } = await service.sql.query<{ count: number; api_key_id: string | null }>(
        `SELECT count, api_key_id FROM error_events WHERE error_code = 215300 AND order_id IS NULL`,
      );
      expect(counted).toEqual([{ count: 1, api_key_id: null }]);

      // No worker: both wait SYNC_TIMEOUT_MS, answer 215300, and their orders (never started) are cancelled.
      for (const res of await Promise.all(first)) expect(res.body).toEqual(timedOut);
      for (const userid of ['t-1', 't-2']) {
        expect(await orderOf(userid)).toEqual([
          { orderid: expect.stringMatching(/^JH\d{22}$/), status: 'failed', error_code: 215300, billed: '0' },
        ]);
        expect(await errorRowsOf(userid)).toEqual([
          { error_code: 215300, detail: expect.stringContaining('cancelled') },
        ]);
      }
      expect(await waiting()).toBe(0);
    },
    SLOW,
  );

  it(
    'cancels the order of a client that hung up before it was answered, unbilled',
    async () => {
      const server = service.api.getHttpServer() as import('node:http').Server;
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      const body = new URLSearchParams(form('hangup')).toString();
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/certificates/queryBase64',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': nextIp() },
      });
      req.on('error', () => undefined); // the test hangs up itself
      req.end(body);
      await eventually(async () => ((await orderOf('hangup')).length === 1 ? true : undefined), 30_000);
      req.destroy();
      const [order] = await eventually(async () => {
        const rows = await orderOf('hangup');
        return rows[0]?.status === 'failed' ? rows : undefined;
      }, 30_000);
      expect(order).toMatchObject({ status: 'failed', error_code: 215300, billed: '0' });
      expect(await errorRowsOf('hangup')).toEqual([
        { error_code: 215300, detail: expect.stringContaining('client gone') },
      ]);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    SLOW,
  );

  it(
    'lets an order a worker had started finish unbilled after its client timed out, and bills an answered one once',
    async () => {
      service.apiConfig.syncTimeoutMs = 1_500;
      const pending = recognize('slow').then((res) => res);
      await eventually(async () => ((await orderOf('slow')).length === 1 ? true : undefined), 30_000);
      // A worker took it (and is slow): the order is processing when its client's wait ends.
      await service.sql.query(`UPDATE orders SET status = 'processing', attempts = 1 WHERE userid = 'slow'`);
      expect((await pending).body).toEqual(timedOut);
      expect(await orderOf('slow')).toMatchObject([{ status: 'processing', billed: '0' }]);

      service.apiConfig.syncTimeoutMs = 120_000;
      worker = await createWorkerApp(service.config);
      worker.useLogger(service.logs);
      worker.flushLogs();
      await worker.init();
      const [slow] = await eventually(async () => {
        const rows = await orderOf('slow');
        return rows[0]?.status === 'failed' ? rows : undefined;
      }, 120_000);
      expect(slow).toMatchObject({ status: 'failed', error_code: 215305, billed: '0' });

      const answered = await recognize('answered');
      expect(answered.body).toEqual({ error_code: 215305, reason: '识别失败!', result: null });
      expect(await orderOf('answered')).toMatchObject([{ status: 'failed', error_code: 215305, billed: '1' }]);
    },
    SLOW,
  );
});
