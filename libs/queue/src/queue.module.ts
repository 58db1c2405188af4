import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import { QueueHealthIndicator } from './queue-health.indicator';
import { RECOGNITION_QUEUE } from './recognition.jobs';
import { RecognitionQueue } from './recognition.queue';
import { redisConnectionOptions } from './redis-connection';
import { RETENTION_QUEUE } from './retention.jobs';
import { WebhookQueue } from './webhook.queue';
import { WEBHOOKS_QUEUE } from './webhooks.jobs';

/**
 * BullMQ on the Redis of `REDIS_URL` (database index included) with key prefix `REDIS_PREFIX`, and the
 * `recognition` queue's producer; the `webhooks` and `retention` queues. Both apps import it; only the worker registers processors. Needs the global
 * `AppConfigModule.forRoot()` in the app's root module.
 */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: redisConnectionOptions(config.redisUrl),
        prefix: config.redisPrefix,
      }),
    }),
    BullModule.registerQueue({ name: RECOGNITION_QUEUE }, { name: WEBHOOKS_QUEUE }, { name: RETENTION_QUEUE }),
    TerminusModule,
  ],
  providers: [RecognitionQueue, WebhookQueue, QueueHealthIndicator],
  exports: [BullModule, RecognitionQueue, WebhookQueue, QueueHealthIndicator],
})
export class QueueModule {}
