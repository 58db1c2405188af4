import request from 'supertest';
import { type RunningService, nextIp, startService } from './service.harness';

/** Every access code the api yields, from a real request, before any order exists; each refusal is on record. */
describe('access codes (service)', () => {
  let service: RunningService;
  const RATE_LIMIT = 5;
  const TEST_KEY_LIMIT = 2;

  beforeAll(async () => {
    service = await startService(
      { ipRateLimitPerMinute: RATE_LIMIT, testKeyLimit: TEST_KEY_LIMIT },
      { withWorker: false },
    );
  }, 120_000);

  afterAll(() => service?.close(), 60_000);

  /** A request that passes access but has no image: 215306, no order, cheap. */
  const ask = (key: string, ip = nextIp(), cardType = '2') =>
    request(service.api.getHttpServer())
      .post('/certificates/queryBase64')
      .set('X-Forwarded-For', ip)
      .type('form')
      .send({ key, cardType });
  const code = async (key: string, ip?: string, cardType?: string) =>
    (await ask(key, ip, cardType)).body.error_code as number;

  it('10001 for an unknown key', async () => {
    expect((await ask('0'.repeat(32))).body).toEqual({ error_code: 10001, reason: '错误的请求KEY', result: null });
    expect(await code('')).toBe(10001);
  });

  it('10002 for a cardType the key may not use', async () => {
    const { key } = await service.createKey({ cardTypes: [3] });
    expect(await code(key, undefined, '2')).toBe(10002);
    expect(await code(key, undefined, '3')).toBe(215306);
  });

  it('10003 for an expired key', async () => {
    const { key } = await service.createKey({ expiresAt: new Date(Date.now() - 60_000) });
    expect(await code(key)).toBe(10003);
  });

  it('10008 for an IP in the key deny list', async () => {
    const { key } = await service.createKey({ ipDenylist: ['10.250.0.0/16'] });
    expect(await code(key, '10.250.3.4')).toBe(10008);
    expect(await code(key, '10.251.3.4')).toBe(215306);
  });

  it('10009 for a disabled key', async () => {
    const { id, key } = await service.createKey();
    await service.apiKeys.disable(id);
    expect(await code(key)).toBe(10009);
  });

  it('10011 for an IP over its rate', async () => {
    const { key } = await service.createKey();
    const ip = '10.240.0.1';
    const codes: number[] = [];
    for (let i = 0; i <= RATE_LIMIT; i++) codes.push(await code(key, ip));
    expect(codes).toEqual([...Array<number>(RATE_LIMIT).fill(215306), 10011]);
  });

  it('10011 for an IP over its rate, also when the cardType is refused (unknown key or not)', async () => {
    const { key } = await service.createKey();
    for (const [ip, asKey, cardType, refusal] of [
      ['10.240.0.2', key, '8', 215303],
      ['10.240.0.3', '0'.repeat(32), 'abc', 10001],
    ] as const) {
      const codes: number[] = [];
      for (let i = 0; i <= RATE_LIMIT; i++) codes.push(await code(asKey, ip, cardType));
      expect(codes).toEqual([...Array<number>(RATE_LIMIT).fill(refusal), 10011]);
    }
  });

  it('10012 for a key over its quota', async () => {
    const { key } = await service.createKey({ dailyQuota: 1 });
    expect([await code(key), await code(key)]).toEqual([215306, 10012]);
    const total = await service.createKey({ totalQuota: 1 });
    expect([await code(total.key), await code(total.key)]).toEqual([215306, 10012]);
  });

  it('10013 for a test key over its limit', async () => {
    const { key } = await service.createKey({ isTest: true });
    const codes: number[] = [];
    for (let i = 0; i <= TEST_KEY_LIMIT; i++) codes.push(await code(key));
    expect(codes).toEqual([...Array<number>(TEST_KEY_LIMIT).fill(215306), 10013]);
  });

  it('10020 in maintenance, before the key is looked at', async () => {
    service.apiConfig.maintenance = true;
    try {
      expect((await ask('0'.repeat(32))).body).toEqual({ error_code: 10020, reason: '接口维护', result: null });
    } finally {
      service.apiConfig.maintenance = false;
    }
  });

  it('records every refusal in the error history, with the IP, and creates no order', async () => {
    const { rows } = await service.sql.query<{ error_code: number; ip: string | null }>(
      `SELECT DISTINCT error_code, ip IS NOT NULL AS has_ip FROM error_events ORDER BY error_code`,
    );
    expect(rows.map((r) => r.error_code)).toEqual([
      10001, 10002, 10003, 10008, 10009, 10011, 10012, 10013, 10020, 215303, 215306,
    ]);
    const orders = await service.sql.query<{ n: string }>('SELECT count(*) AS n FROM orders');
    expect(Number(orders.rows[0]?.n)).toBe(0);
  });
});
