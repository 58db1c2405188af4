import { ACCESS, AccessDeniedError, type AccessPort, AccessService, type CreateApiKeyInput } from '@zhengjian/access';
import { JuheError, JuheErrorCode } from '@zhengjian/juhe';
import { startPersistence, type PersistenceHarness } from './persistence.harness';

jest.setTimeout(60_000);

const RATE_LIMIT = 5;
const TEST_KEY_LIMIT = 3;

describe(AccessService.name, () => {
  let h: PersistenceHarness;
  let access: AccessPort;
  let ipCounter = 0;
  /** A fresh client address per call, so the per-IP rate limit only bites where a test wants it to. */
  const freshIp = () => `10.1.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

  beforeAll(async () => {
    h = await startPersistence({
      ipRateLimitPerMinute: RATE_LIMIT,
      testKeyLimit: TEST_KEY_LIMIT,
      quotaTimeZone: 'UTC',
    });
    access = h.module.get<AccessPort>(ACCESS);
  });

  afterAll(async () => {
    await h?.close();
  });

  async function newKey(input: Partial<CreateApiKeyInput> = {}): Promise<{ id: string; key: string }> {
    return h.keys.create({ name: 'access test', ...input });
  }

  /** The error_code `authorize` refuses with, or 0 when it lets the request through. */
  async function codeOf(key: string | undefined, cardType: number | null = 2, ip = freshIp()): Promise<number> {
    try {
      await access.authorize({ key, ip, cardType });
      return 0;
    } catch (err) {
      if (err instanceof JuheError) return err.code;
      throw err;
    }
  }

  async function totalUsed(id: string): Promise<number> {
    return (await h.keys.find(id))?.totalUsed ?? -1;
  }

  it('lets a valid key through and says which key it was', async () => {
    const { id, key } = await newKey({ name: 'shop' });
    await expect(access.authorize({ key, ip: freshIp(), cardType: 2 })).resolves.toEqual({
      id,
      name: 'shop',
      isTest: false,
    });
    expect(await totalUsed(id)).toBe(1);
  });

  it('answers 10001 for a missing, unknown or oversized key', async () => {
    expect(await codeOf(undefined)).toBe(JuheErrorCode.InvalidKey);
    expect(await codeOf('')).toBe(JuheErrorCode.InvalidKey);
    expect(await codeOf('0123456789abcdef0123456789abcdef')).toBe(JuheErrorCode.InvalidKey);
    expect(await codeOf('a'.repeat(10_000))).toBe(JuheErrorCode.InvalidKey);
  });

  it('answers 10009 for a disabled key, before looking at expiry or IP', async () => {
    const { id, key } = await newKey({ expiresAt: new Date(Date.now() - 1000), ipDenylist: ['10.0.0.0/8'] });
    expect(await h.keys.disable(id)).toBe(true);
    expect(await codeOf(key)).toBe(JuheErrorCode.KeyForbidden);
  });

  it('answers 10003 once the key has expired', async () => {
    const expired = await newKey({ expiresAt: new Date(Date.now() - 1000) });
    const valid = await newKey({ expiresAt: new Date(Date.now() + 3_600_000) });
    expect(await codeOf(expired.key)).toBe(JuheErrorCode.KeyExpired);
    expect(await codeOf(valid.key)).toBe(0);
  });

  it('answers 10008 for an address in the deny list (single IP or CIDR)', async () => {
    const { key } = await newKey({ ipDenylist: ['192.0.2.7', '198.51.100.0/24'] });
    expect(await codeOf(key, 2, '192.0.2.7')).toBe(JuheErrorCode.IpForbidden);
    expect(await codeOf(key, 2, '::ffff:198.51.100.77')).toBe(JuheErrorCode.IpForbidden);
    expect(await codeOf(key, 2, '192.0.2.8')).toBe(0);
  });

  it('answers 10011 when one IP exceeds its requests per minute, across keys', async () => {
    // Fixed one-minute windows: start early in a minute so that the test's requests share one window.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 55_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
    const [a, b] = [await newKey(), await newKey()];
    const ip = '203.0.113.99';
    const codes: number[] = [];
    for (let i = 0; i < RATE_LIMIT + 2; i++) codes.push(await codeOf(i % 2 ? a.key : b.key, 2, ip));
    expect(codes).toEqual([0, 0, 0, 0, 0, JuheErrorCode.IpRateExceeded, JuheErrorCode.IpRateExceeded]);
    expect(await codeOf(a.key, 2, '203.0.113.100')).toBe(0);
    const keys = await h.redis.keys(`${h.config.redisPrefix}:rate:203.0.113.99:*`);
    expect(keys).toHaveLength(1);
    expect(await h.redis.ttl(keys[0])).toBeGreaterThan(60);
  });

  it('identify: a key already identified is not looked up again, but the IP is still counted (10011)', async () => {
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 55_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
    const { id, key } = await newKey({ name: 'owner' });
    const identified = await access.identify({ key, ip: freshIp() });
    await h.keys.disable(id); // a second lookup would now answer 10009
    const ip = '203.0.113.120';
    const codes: number[] = [];
    for (let i = 0; i < RATE_LIMIT + 1; i++) {
      try {
        const again = await access.identify({ key, ip, countIp: true, identified });
        codes.push(again === identified ? 0 : -1);
      } catch (err) {
        codes.push(err instanceof JuheError ? err.code : -2);
      }
    }
    expect(codes).toEqual([0, 0, 0, 0, 0, JuheErrorCode.IpRateExceeded]);
    expect(await totalUsed(id)).toBe(0);
  });

  it('answers 10002 for a cardType the key may not use, and lets an unparsed cardType through', async () => {
    const { key } = await newKey({ cardTypes: [2, 3] });
    expect(await codeOf(key, 5)).toBe(JuheErrorCode.KeyNotPermitted);
    expect(await codeOf(key, 3)).toBe(0);
    expect(await codeOf(key, null)).toBe(0);
  });

  it('answers 10013 once a test key made TEST_KEY_LIMIT requests, counting only passed ones', async () => {
    const { id, key } = await newKey({ isTest: true });
    const codes: number[] = [];
    for (let i = 0; i < TEST_KEY_LIMIT + 2; i++) codes.push(await codeOf(key));
    expect(codes).toEqual([0, 0, 0, JuheErrorCode.TestKeyLimitExceeded, JuheErrorCode.TestKeyLimitExceeded]);
    expect(await totalUsed(id)).toBe(TEST_KEY_LIMIT);
  });

  it('answers 10012 when the total quota is used up', async () => {
    const { id, key } = await newKey({ totalQuota: 2 });
    const codes = [await codeOf(key), await codeOf(key), await codeOf(key)];
    expect(codes).toEqual([0, 0, JuheErrorCode.RequestLimitExceeded]);
    expect(await totalUsed(id)).toBe(2);
  });

  it('answers 10012 when the daily quota is used up, counted per UTC day here', async () => {
    const { id, key } = await newKey({ dailyQuota: 2 });
    expect([await codeOf(key), await codeOf(key), await codeOf(key)]).toEqual([
      0,
      0,
      JuheErrorCode.RequestLimitExceeded,
    ]);
    const rows: { used: number; today: boolean }[] = await h.dataSource.query(
      `SELECT used, day = (now() AT TIME ZONE 'UTC')::date AS today FROM api_key_usage WHERE api_key_id = $1`,
      [id],
    );
    expect(rows).toEqual([{ used: 2, today: true }]);
    // Yesterday's count does not limit today.
    await h.dataSource.query(`UPDATE api_key_usage SET day = day - 1 WHERE api_key_id = $1`, [id]);
    expect(await codeOf(key)).toBe(0);
  });

  it('checks the test key limit before the quota', async () => {
    const { key } = await newKey({ isTest: true, totalQuota: 1 });
    expect(await codeOf(key)).toBe(0);
    expect(await codeOf(key)).toBe(JuheErrorCode.RequestLimitExceeded);
    const tight = await newKey({ isTest: true, totalQuota: 10 });
    for (let i = 0; i < TEST_KEY_LIMIT; i++) await codeOf(tight.key);
    expect(await codeOf(tight.key)).toBe(JuheErrorCode.TestKeyLimitExceeded);
  });

  it('says which key it refused (null when the key is unknown), for the error history', async () => {
    const { id, key } = await newKey({ totalQuota: 0 });
    const refusal = (k: string) =>
      access.authorize({ key: k, ip: freshIp(), cardType: 2 }).catch((err: unknown) => err);
    const quota = await refusal(key);
    expect(quota).toBeInstanceOf(AccessDeniedError);
    expect(quota).toBeInstanceOf(JuheError);
    expect(quota).toMatchObject({ code: JuheErrorCode.RequestLimitExceeded, apiKeyId: id, reason: '请求超过次数限制' });
    expect(await refusal('ffffffffffffffffffffffffffffffff')).toMatchObject({ code: 10001, apiKeyId: null });
  });

  it('never lets more requests through than the quota when they race', async () => {
    const { id, key } = await newKey({ dailyQuota: 10, totalQuota: 1000 });
    const codes = await Promise.all(Array.from({ length: 40 }, () => codeOf(key)));
    expect(codes.filter((c) => c === 0)).toHaveLength(10);
    expect(codes.filter((c) => c === JuheErrorCode.RequestLimitExceeded)).toHaveLength(30);
    expect(await totalUsed(id)).toBe(10);
  });
});
