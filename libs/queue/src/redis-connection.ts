import type { ConnectionOptions } from 'bullmq';

/**
 * BullMQ connection options for `REDIS_URL` (`redis://[user:password@]host[:port][/db]`, `rediss://` for TLS; the
 * path is the database index, which ioredis reads from the URL). Commands wait for a reconnect instead of failing
 * after a few retries (`maxRetriesPerRequest: null`), as BullMQ's blocking connections require.
 */
export function redisConnectionOptions(redisUrl: string): ConnectionOptions {
  return { url: redisUrl, maxRetriesPerRequest: null };
}
