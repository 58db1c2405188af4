/**
 * `npm run bench:service`: the service end to end. Boots the api in this process against a fresh database and
 * Redis prefix, the worker as a child process (as in production: OCR blocks its event loop, not the api's), then
 * sends sync recognitions (`POST /certificates/queryBase64`, one generated ID back) with as many clients in flight
 * as the worker's concurrency, at concurrency 1, 2 and 4. Prints requests/s and p50/p95 latency per level, and the
 * service overhead: p50 of the HTTP round trip at concurrency 1 minus the engine's own p50 on the same image
 * (RecognitionService called directly, in this process), and, less sensitive to a noisy machine, the p50 of each
 * request's round trip minus its own time in the worker (the order row's `started_at` → `finished_at`). Figures, not
 * a test: no assertions.
 * Flags: --requests N per concurrency level (default 12).
 */
import { randomBytes } from 'node:crypto';
import { ApiKeysService } from '@zhengjian/access';
import type { AppConfig } from '@zhengjian/config';
import { createTestDatabase } from '@zhengjian/database';
import Redis from 'ioredis';
import { Client } from 'pg';
import { createApiApp } from '../apps/api/src/api.app';
import { renderSpecimen } from '../test/fixtures/specimens';
import { deleteKeys } from '../test/service/service.harness';
import { WorkerProcess } from '../test/service/worker.process';
import { flags, loadService, quantile } from './engine';

const CONCURRENCY_LEVELS = [1, 2, 4];

async function main() {
  const opts = flags(process.argv.slice(2), { requests: '12' });
  const perLevel = Number(opts.requests);
  const image = (await renderSpecimen({ kind: 'id-back', level: 'clean', seed: 1 })).data;
  const engineMs = await engineP50(image);

  const db = await createTestDatabase();
  const config = {
    databaseUrl: db.url,
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0',
    redisPrefix: `zjbench-${randomBytes(4).toString('hex')}`,
    dataKey: randomBytes(32),
    adminToken: randomBytes(16).toString('hex'),
    syncTimeoutMs: 300_000,
    sweeperIntervalMs: 30_000,
    sweeperStuckAfterMs: 120_000,
    ipRateLimitPerMinute: 1_000_000,
    logLevel: 'warn',
  } satisfies Partial<AppConfig>;
  const api = await createApiApp(config);
  await api.listen(0, '127.0.0.1');
  const address = api.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}/certificates/queryBase64`;
  const { key } = await api.get(ApiKeysService).create({ name: 'bench' });
  const body = new URLSearchParams({ key, cardType: '3', orderid: '1', base64: image.toString('base64') }).toString();
  const sql = new Client({ connectionString: db.url });
  await sql.connect();
  const overheads: number[] = [];
  const send = async (): Promise<number> => {
    const started = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const envelope = (await res.json()) as { error_code: number; result: { orderid: string } | null };
    const elapsed = performance.now() - started;
    if (envelope.error_code !== 0 || !envelope.result) throw new Error(`unexpected error_code ${envelope.error_code}`);
    const { rows } = await sql.query<{ ms: number }>(
      'SELECT EXTRACT(EPOCH FROM finished_at - started_at) * 1000 AS ms FROM orders WHERE orderid = $1',
      [envelope.result.orderid],
    );
    overheads.push(elapsed - Number(rows[0]?.ms));
    return elapsed;
  };

  console.log(`engine alone: p50 ${fmt(engineMs)} ms (RecognitionService, same image, this process)`);
  let p50AtOne = Number.NaN;
  let overheadAtOne = Number.NaN;
  try {
    for (const concurrency of CONCURRENCY_LEVELS) {
      const worker = new WorkerProcess({ ...config, workerConcurrency: concurrency } as AppConfig, {
        LOG_LEVEL: 'warn',
      });
      try {
        await worker.ready(120_000);
        for (let i = 0; i < concurrency; i++) await send(); // warm-up
        overheads.length = 0;
        const { latencies, seconds } = await closedLoop(send, concurrency, perLevel);
        const p50 = quantile(latencies, 0.5);
        if (concurrency === 1) {
          p50AtOne = p50;
          overheadAtOne = quantile(overheads, 0.5);
        }
        console.log(
          `worker concurrency ${concurrency}: ${latencies.length} requests, ${(latencies.length / seconds).toFixed(2)} req/s, ` +
            `p50 ${fmt(p50)} ms, p95 ${fmt(quantile(latencies, 0.95))} ms`,
        );
      } finally {
        await worker.stop('SIGTERM');
      }
    }
    console.log(`service overhead (HTTP p50 at concurrency 1 − engine p50): ${fmt(p50AtOne - engineMs)} ms`);
    console.log(
      `service overhead per request (round trip − worker time of its order), p50 at concurrency 1: ${fmt(overheadAtOne)} ms`,
    );
  } finally {
    await sql.end();
    await api.close();
    const redis = new Redis(config.redisUrl);
    await deleteKeys(redis, `${config.redisPrefix}:*`);
    redis.disconnect();
    await db.drop();
  }
}

/** `clients` loops sending requests back to back until `total` were sent. */
async function closedLoop(send: () => Promise<number>, clients: number, total: number) {
  const latencies: number[] = [];
  let started = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (started < total) {
        started++;
        latencies.push(await send());
      }
    }),
  );
  return { latencies, seconds: (performance.now() - t0) / 1000 };
}

async function engineP50(image: Buffer): Promise<number> {
  const { service } = await loadService();
  await service.recognize(3, image); // warm-up
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await service.recognize(3, image);
    times.push(performance.now() - started);
  }
  return quantile(times, 0.5);
}

function fmt(ms: number): string {
  return ms.toFixed(1);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
