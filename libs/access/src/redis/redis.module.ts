import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import Redis from 'ioredis';
import { REDIS } from '../access.constants';

/**
 * One shared ioredis client under the `REDIS` token, connected to `REDIS_URL` (its path selects the database), and
 * closed when the app shuts down. Global, so health checks and other libs reuse the connection. Keys written through
 * it must start with `config.redisPrefix` (tests run one prefix each).
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new Redis(config.redisUrl, {
          // Rate checks sit on the request path: fail a command after a few reconnect attempts instead of queueing
          // it forever while Redis is down (the request then answers 10014 and the outage shows in the logs).
          maxRetriesPerRequest: 3,
          connectionName: 'zhengjian',
        }),
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisModule.name);

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status === 'end') return;
    await this.redis.quit().catch((err: unknown) => {
      this.logger.warn(`closing Redis failed: ${err instanceof Error ? err.message : String(err)}`);
      this.redis.disconnect();
    });
  }
}
