import { OrdersService } from '@zhengjian/orders';
import { type RunningService, startService } from '../service/service.harness';
import { type SeedOrder, adminHttp, allPages, seedOrder } from './admin.fixture';

interface OrderItem {
  orderid: string;
  apiKeyId: string;
  cardType: number;
  status: string;
  errorCode: number | null;
  createdAt: string;
  userid: string | null;
}

/**
 * The admin read side over HTTP against real Postgres: order filters and keyset pagination, one order's
 * timeline, billing summaries (checked against raw SQL counts) and the error history.
 */
describe('admin orders, billing and errors (service)', () => {
  let service: RunningService;
  let keyA: string;
  let keyB: string;
  const seeded: { orderid: string; seed: SeedOrder }[] = [];

  beforeAll(async () => {
    service = await startService({}, { withWorker: false });
    keyA = (await service.createKey({ name: 'a' })).id;
    keyB = (await service.createKey({ name: 'b' })).id;
    const seeds: SeedOrder[] = [
      { apiKeyId: keyA, cardType: 2, userid: 'u1', errorCode: 0 },
      { apiKeyId: keyA, cardType: 2, userid: 'u1', errorCode: 215305 },
      { apiKeyId: keyA, cardType: 3, userid: 'u2', errorCode: 0 },
      { apiKeyId: keyA, cardType: 2, userid: 'u2', errorCode: 215308 },
      { apiKeyId: keyB, cardType: 3, userid: 'u3', errorCode: 0 },
      { apiKeyId: keyB, cardType: 2, userid: null, errorCode: 215305 },
      { apiKeyId: keyB, cardType: 2, userid: 'u3', started: true },
      { apiKeyId: keyA, cardType: 2, userid: 'u4' },
    ];
    for (const seed of seeds) seeded.push({ orderid: (await seedOrder(service, seed)).orderid, seed });
    // A refusal before any order exists (unknown key): an error row without an order.
    await service.api
      .get(OrdersService)
      .recordRequestError({ apiKeyId: null, errorCode: 10001, reason: '错误的请求KEY', ip: '10.1.1.1' });
  }, 120_000);

  afterAll(() => service?.close(), 60_000);

  const admin = () => adminHttp(service);

  describe('GET /admin/orders', () => {
    it('walks every order newest first over pages of 3, each exactly once', async () => {
      const { items, pages } = await allPages<OrderItem>(service, '/admin/orders?limit=3');
      expect(pages).toBe(3);
      expect(items.map((o) => o.orderid)).toEqual(seeded.map((s) => s.orderid).reverse());
      const times = items.map((o) => Date.parse(o.createdAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    });

    it('filters by key, userid, cardType, status and error_code, combined with AND', async () => {
      const ids = async (query: string) =>
        (await allPages<OrderItem>(service, `/admin/orders?limit=2&${query}`)).items.map((o) => o.orderid).sort();
      const expected = (match: (s: SeedOrder) => boolean) =>
        seeded
          .filter((s) => match(s.seed))
          .map((s) => s.orderid)
          .sort();
      expect(await ids(`apiKeyId=${keyB}`)).toEqual(expected((s) => s.apiKeyId === keyB));
      expect(await ids('userid=u1')).toEqual(expected((s) => s.userid === 'u1'));
      expect(await ids('cardType=3')).toEqual(expected((s) => s.cardType === 3));
      expect(await ids('status=failed')).toEqual(expected((s) => s.errorCode !== undefined && s.errorCode !== 0));
      expect(await ids('status=processing')).toEqual(expected((s) => s.started === true));
      expect(await ids('error_code=215305')).toEqual(expected((s) => s.errorCode === 215305));
      expect(await ids(`apiKeyId=${keyA}&cardType=2&status=queued`)).toEqual(
        expected((s) => s.apiKeyId === keyA && s.cardType === 2 && s.errorCode === undefined && !s.started),
      );
    });

    it('filters by creation time (from inclusive, to exclusive)', async () => {
      const all = (await allPages<OrderItem>(service, '/admin/orders?limit=200')).items.reverse();
      const from = all[2]!.createdAt;
      const to = all[5]!.createdAt;
      const res = await admin().get(`/admin/orders?from=${from}&to=${to}`);
      // createdAt is shown in milliseconds, the column keeps microseconds: `from` may fall just before row 2.
      const got = (res.body.items as OrderItem[]).map((o) => o.orderid).reverse();
      expect(got.slice(-3)).toEqual(all.slice(2, 5).map((o) => o.orderid));
      expect(got).not.toContain(all[5]!.orderid);
    });

    it('never shows an image, a result or a client IP', async () => {
      const res = await admin().get('/admin/orders?limit=200');
      const keys = new Set((res.body.items as object[]).flatMap((o) => Object.keys(o)));
      for (const hidden of ['resultEnc', 'result', 'image', 'imageSha256', 'clientIp', 'bytesEnc']) {
        expect(keys).not.toContain(hidden);
      }
    });

    it('answers 400 for a bad filter, limit or cursor', async () => {
      for (const query of [
        'status=done',
        'limit=0',
        'limit=201',
        'cardType=x',
        'from=yesterday',
        'cursor=@@',
        'cursor=abc',
        'x=1',
      ]) {
        const res = await admin().get(`/admin/orders?${query}`);
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        expect(res.body).toMatchObject({ statusCode: 400 });
      }
    });
  });

  describe('GET /admin/orders/:orderid', () => {
    it('shows one order with its timeline: created, started, finished, error, billing', async () => {
      const { orderid } = seeded[1]!; // 215305: billed and an error row
      const res = await admin().get(`/admin/orders/${orderid}`);
      expect(res.status).toBe(200);
      expect(res.body.order).toMatchObject({
        orderid,
        status: 'failed',
        errorCode: 215305,
        provider: 'local',
        attempts: 1,
      });
      expect(res.body.billing).toMatchObject({ errorCode: 215305, units: 1 });
      expect(res.body.errors).toEqual([expect.objectContaining({ errorCode: 215305, detail: 'seeded failure' })]);
      expect(res.body.webhookDeliveries).toEqual([]);
      expect((res.body.timeline as { event: string }[]).map((e) => e.event)).toEqual([
        'created',
        'started',
        'finished',
        'error',
        'billed',
      ]);
      expect(JSON.stringify(res.body)).not.toContain('测试');
    });

    it('adds the webhook deliveries of the order, without secrets', async () => {
      const { orderid } = seeded[0]!;
      await service.sql.query(
        `INSERT INTO webhook_deliveries (id, delivery_id, order_id, url, attempt, status_code, duration_ms, status)
         SELECT gen_random_uuid(), gen_random_uuid(), id, 'https://kyc.example.com/hook', 1, 200, 12, 'delivered'
           FROM orders WHERE orderid = $1`,
        [orderid],
      );
      const res = await admin().get(`/admin/orders/${orderid}`);
      expect(res.body.webhookDeliveries).toEqual([
        expect.objectContaining({ url: 'https://kyc.example.com/hook', attempt: 1, statusCode: 200, durationMs: 12 }),
      ]);
      const last = (res.body.timeline as { event: string; detail: object }[]).at(-1);
      expect(last).toMatchObject({ event: 'webhook_delivery', detail: { statusCode: 200, status: 'delivered' } });
    });

    it('answers 404 for an unknown order number', async () => {
      expect((await admin().get('/admin/orders/JH0000000000000000000000')).status).toBe(404);
      expect((await admin().get('/admin/orders/nope')).status).toBe(404);
    });
  });

  describe('GET /admin/billing/summary', () => {
    const count = async (sql: string, params: unknown[] = []) =>
      Number((await service.sql.query(sql, params)).rows[0].n);

    it('totals equal the billing rows, and every grouping adds up to them', async () => {
      const rows = await count('SELECT count(*) AS n FROM billing_records');
      expect(rows).toBe(5); // three orders with 0 and two with 215305; 215308 and unfinished orders are not billed
      for (const groupBy of ['day', 'key', 'cardType']) {
        const res = await admin().get(`/admin/billing/summary?groupBy=${groupBy}`);
        expect(res.status).toBe(200);
        expect(res.body.totals).toEqual({ records: rows, units: rows, succeeded: 3, recognitionFailed: 2 });
        const sum = (res.body.groups as { records: number }[]).reduce((n, g) => n + g.records, 0);
        expect({ groupBy, sum }).toEqual({ groupBy, sum: rows });
      }
    });

    it('groups by key and by cardType as SQL counts them', async () => {
      const byKey = await admin().get('/admin/billing/summary?groupBy=key');
      const keyRows = await count('SELECT count(*) AS n FROM billing_records WHERE api_key_id = $1', [keyA]);
      expect(byKey.body.groups).toContainEqual(
        expect.objectContaining({ group: keyA, keyName: 'a', records: keyRows }),
      );
      const byType = await admin().get('/admin/billing/summary?groupBy=cardType');
      const type2 = await count('SELECT count(*) AS n FROM billing_records WHERE card_type = 2');
      expect(byType.body.groups).toContainEqual(expect.objectContaining({ group: '2', records: type2 }));
    });

    it('groups by calendar day in the time zone asked, and honours from/to and the key', async () => {
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC' }).format(new Date());
      const res = await admin().get('/admin/billing/summary?groupBy=day&timeZone=UTC');
      expect(res.body).toMatchObject({
        timeZone: 'UTC',
        groups: [expect.objectContaining({ group: day, records: 5 })],
      });
      const future = await admin().get('/admin/billing/summary?from=2999-01-01T00:00:00Z');
      expect(future.body).toMatchObject({ groups: [], totals: { records: 0, units: 0 } });
      const onlyB = await admin().get(`/admin/billing/summary?apiKeyId=${keyB}`);
      expect(onlyB.body.totals.records).toBe(2);
    });

    it('answers 400 for an unknown groupBy or time zone', async () => {
      expect((await admin().get('/admin/billing/summary?groupBy=month')).status).toBe(400);
      expect((await admin().get('/admin/billing/summary?timeZone=Mars/Base')).status).toBe(400);
    });
  });

  describe('GET /admin/errors', () => {
    it('lists every error row newest first, refusals without an order included, over pages', async () => {
      const total = Number((await service.sql.query('SELECT count(*) AS n FROM error_events')).rows[0].n);
      const { items } = await allPages<{ errorCode: number; orderid: string | null }>(service, '/admin/errors?limit=2');
      expect(items).toHaveLength(total);
      expect(items[0]).toMatchObject({ errorCode: 10001, orderid: null });
      expect(items.map((e) => e.errorCode).sort()).toEqual([10001, 215305, 215305, 215308]);
    });

    it('filters by key and error_code', async () => {
      const res = await admin().get(`/admin/errors?apiKeyId=${keyA}&error_code=215308`);
      expect(res.body.items).toEqual([
        expect.objectContaining({ errorCode: 215308, apiKeyId: keyA, orderid: seeded[3]!.orderid }),
      ]);
      expect(res.body.nextCursor).toBeNull();
    });
  });
});
