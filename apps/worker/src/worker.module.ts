import { type DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { type AppConfig, AppConfigModule } from '@zhengjian/config';
import { DatabaseModule } from '@zhengjian/database';
import { OrdersModule } from '@zhengjian/orders';
import { HealthController, QueueModule } from '@zhengjian/queue';
import { WebhooksModule } from '@zhengjian/webhooks';
import { WorkerMetricsModule } from './metrics/worker-metrics.module';
import { recognitionProviderFactory } from './recognition/recognition-engine.provider';
import { RecognitionJobService } from './recognition/recognition-job.service';
import { RecognitionProcessor } from './recognition/recognition.processor';
import { StuckOrderSweeper } from './recognition/stuck-order.sweeper';
import { RetentionProcessor } from './retention/retention.processor';
import { WebhookProcessor } from './webhooks/webhook.processor';

/** The job runner: BullMQ processors (registered only here), the stuck-order sweeper, data retention, `/health`. */
@Module({})
export class WorkerModule {
  /** @param config overrides of the environment (tests: a fresh database, a Redis prefix per run). */
  static forRoot(config?: Partial<AppConfig>): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        DatabaseModule,
        OrdersModule,
        QueueModule,
        WebhooksModule,
        WorkerMetricsModule,
        TerminusModule,
      ],
      controllers: [HealthController],
      providers: [
        recognitionProviderFactory,
        RecognitionJobService,
        RecognitionProcessor,
        StuckOrderSweeper,
        WebhookProcessor,
        RetentionProcessor,
      ],
    };
  }
}
