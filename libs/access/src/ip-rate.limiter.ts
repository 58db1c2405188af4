import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import type Redis from 'ioredis';
import { REDIS } from './access.constants';
import { normalizeIp } from './ip-denylist';

/** The counter outlives its minute a little, so a slow clock on another api machine still lands in a live key. */
const WINDOW_TTL_SECONDS = 120;

/**
 * Per-IP request rate across keys, in fixed one-minute windows (UTC minutes of the api's clock) counted in Redis:
 * `INCR <prefix>:rate:<ip>:<minute>` + `EXPIRE`, atomic in one MULTI, shared by every api process.
 */
@Injectable()
export class IpRateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Counts one request of `ip` and says whether it is within `IP_RATE_LIMIT_PER_MINUTE` (0 = no limit, nothing
   * counted). @returns false for the requests past the limit in the current minute.
   */
  async hit(ip: string, now = Date.now()): Promise<boolean> {
    const limit = this.config.ipRateLimitPerMinute;
    if (limit <= 0) return true;
    const minute = Math.floor(now / 60_000);
    const key = `${this.config.redisPrefix}:rate:${normalizeIp(ip)}:${minute}`;
    const replies = await this.redis.multi().incr(key).expire(key, WINDOW_TTL_SECONDS).exec();
    const [incrError, count] = replies?.[0] ?? [new Error('Redis MULTI was discarded'), null];
    if (incrError) throw incrError;
    return Number(count) <= limit;
  }
}
