import request from 'supertest';
import { type ServiceImages, serviceImages } from './images.fixture';
import { type RunningService, deleteKeys, eventually, nextIp, startService } from './service.harness';
import { WorkerProcess } from './worker.process';

/**
 * The queue under stress, with the worker as a child process: SIGKILL mid-job, Redis losing the queue, a sync
 * timeout (unbilled), 50 parallel requests, and a scan of Redis, the tables and the logs for personal data.
 */
describe('queue resilience (service)', () => {
  let service: RunningService;
  let images: ServiceImages;
  let key: string;
  let workers: WorkerProcess[] = [];

  beforeAll(async () => {
    images = await serviceImages();
    service = await startService(
      { syncTimeoutMs: 180_000, sweeperIntervalMs: 1_000, sweeperStuckAfterMs: 3_000, workerConcurrency: 2 },
      { withWorker: false },
    );
    key = (await service.createKey()).key;
  }, 120_000);

  afterAll(async () => {
    for (const worker of workers) await worker.stop('SIGKILL');
    await service?.close();
  }, 60_000);

  const startWorker = async () => {
    const worker = new WorkerProcess(service.config);
    workers.push(worker);
    await worker.ready();
    return worker;
  };
  const recognize = (cardType: string, image: Buffer, extra: Record<string, string> = {}) =>
    request(service.api.getHttpServer())
      .post('/certificates/queryBase64')
      .set('X-Forwarded-For', nextIp())
      .type('form')
      .send({ key, cardType, base64: image.toString('base64'), orderid: '1', ...extra });
  const orderRow = async (orderid: string) =>
    (
      await service.sql.query<{ status: string; error_code: number | null; attempts: number; billed: string }>(
        `SELECT status, error_code, attempts, (SELECT count(*) FROM billing_records b WHERE b.order_id = o.id) AS billed
           FROM orders o WHERE orderid = $1`,
        [orderid],
      )
    ).rows[0];

  it('finishes an order once and bills it once when its worker is SIGKILLed mid-job', async () => {
    const first = await startWorker();
    const pending = recognize('2', images.front);
    const answer = pending.then((res) => res); // start the request now
    const orderid = await eventually(async () => {
      const { rows } = await service.sql.query<{ orderid: string }>(
        `SELECT orderid FROM orders WHERE status = 'processing'`,
      );
      return rows[0]?.orderid;
    }, 60_000);
    expect(await first.stop('SIGKILL')).toBeNull();
    await startWorker();
    const res = await answer;
    expect(res.body.error_code).toBe(0);
    expect(res.body.result.orderid).toBe(orderid);
    const row = await orderRow(orderid);
    expect(row).toEqual({ status: 'succeeded', error_code: 0, attempts: expect.any(Number), billed: '1' });
    expect(row?.attempts).toBeGreaterThanOrEqual(2);
  }, 240_000);

  it('answers 215300 on a sync timeout unbilled, and the sweeper finishes async orders after Redis lost them', async () => {
    // SIGTERM: the worker closes (waiting for jobs in flight) and exits.
    for (const worker of workers) await worker.stop('SIGTERM');
    workers = [];
    service.apiConfig.syncTimeoutMs = 1_500;
    let answers;
    try {
      answers = await Promise.all([1, 2, 3].map(() => recognize('2', images.blankJpeg, { userid: 'timeout' })));
    } finally {
      service.apiConfig.syncTimeoutMs = 180_000;
    }
    for (const res of answers)
      expect(res.body).toEqual({ error_code: 215300, reason: '网络错误,请稍后重试', result: null });
    // Their clients got no answer: the orders no worker started are cancelled, and nothing is billed.
    const { rows: timedOut } = await service.sql.query<{ orderid: string }>(
      `SELECT orderid FROM orders WHERE userid = 'timeout'`,
    );
    expect(timedOut).toHaveLength(3);
    for (const { orderid } of timedOut) {
      expect(await orderRow(orderid)).toEqual({ status: 'failed', error_code: 215300, attempts: 0, billed: '0' });
    }
    // Async orders accepted while no worker runs; then Redis loses their jobs.
    for (let i = 0; i < 3; i++) {
      const res = await request(service.api.getHttpServer())
        .post('/v1/recognitions')
        .set('X-Forwarded-For', nextIp())
        .set('X-Api-Key', key)
        .send({ cardType: 2, base64: images.blankJpeg.toString('base64') });
      expect(res.status).toBe(202);
    }
    const { rows } = await service.sql.query<{ orderid: string }>(`SELECT orderid FROM orders WHERE status = 'queued'`);
    expect(rows).toHaveLength(3);
    expect(await deleteKeys(service.redis, `${service.config.redisPrefix}:*`)).toBeGreaterThan(0);
    await startWorker();
    for (const { orderid } of rows) {
      const row = await eventually(async () => {
        const r = await orderRow(orderid);
        return r?.status === 'failed' ? r : undefined;
      }, 60_000);
      expect(row).toMatchObject({ error_code: 215305, billed: '1' });
    }
  }, 180_000);

  it('answers 50 parallel requests, each with its own order', async () => {
    const userids = Array.from({ length: 50 }, (_, i) => `par-${i}`);
    const answers = await Promise.all(userids.map((userid) => recognize('2', images.tinyJpeg, { userid })));
    for (const res of answers) expect(res.body).toEqual({ error_code: 215305, reason: '识别失败!', result: null });
    const { rows } = await service.sql.query<{ orderid: string; status: string; billed: string }>(
      `SELECT orderid, status, (SELECT count(*) FROM billing_records b WHERE b.order_id = o.id) AS billed
         FROM orders o WHERE userid = ANY($1)`,
      [userids],
    );
    expect(rows).toHaveLength(50);
    expect(new Set(rows.map((r) => r.orderid)).size).toBe(50);
    for (const row of rows)
      expect(row).toMatchObject({ status: 'failed', billed: '1', orderid: expect.stringMatching(/^JH\d{22}$/) });
  }, 300_000);

  it('keeps no name or ID number in clear in Redis, the tables or the logs', async () => {
    const res = await recognize('2', images.front, { userid: 'scan' });
    expect(res.body.error_code).toBe(0);
    const secrets = [images.frontExpected['姓名'], images.frontExpected['公民身份号码']].filter(
      (s): s is string => !!s,
    );
    expect(secrets).toHaveLength(2);
    const haystacks: string[] = [];
    for (const redisKey of await service.redisKeys()) haystacks.push(redisKey, await dumpRedisValue(service, redisKey));
    for (const table of ['orders', 'order_images', 'billing_records', 'error_events']) {
      const { rows } = await service.sql.query(`SELECT * FROM ${table}`);
      for (const row of rows) haystacks.push(rowText(row));
    }
    // The scan is only worth something if the logs were really captured: the orders above were logged.
    expect(service.logs.lines.some((line) => /order JH\d{22}/.test(line))).toBe(true);
    haystacks.push(...service.logs.lines, ...workers.map((w) => w.output));
    for (const secret of secrets) {
      const found = haystacks.filter(
        (text) => text.includes(secret) || text.includes(Buffer.from(secret).toString('hex')),
      );
      expect(found).toEqual([]);
    }
  }, 120_000);
});

async function dumpRedisValue(service: RunningService, key: string): Promise<string> {
  const type = await service.redis.type(key);
  switch (type) {
    case 'string':
      return (await service.redis.get(key)) ?? '';
    case 'hash':
      return JSON.stringify(await service.redis.hgetall(key));
    case 'list':
      return JSON.stringify(await service.redis.lrange(key, 0, -1));
    case 'set':
      return JSON.stringify(await service.redis.smembers(key));
    case 'zset':
      return JSON.stringify(await service.redis.zrange(key, 0, -1, 'WITHSCORES'));
    case 'stream':
      return JSON.stringify(await service.redis.xrange(key, '-', '+'));
    default:
      return '';
  }
}

/** Every column as text; bytea both as UTF-8 and as hex, so clear text inside binary columns is found too. */
function rowText(row: Record<string, unknown>): string {
  return Object.values(row)
    .map((value) =>
      Buffer.isBuffer(value) ? `${value.toString('utf8')} ${value.toString('hex')}` : JSON.stringify(value),
    )
    .join(' ');
}
