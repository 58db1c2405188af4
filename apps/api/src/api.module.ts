import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { MulterModule } from '@nestjs/platform-express';
import { TerminusModule } from '@nestjs/terminus';
import { memoryStorage } from 'multer';
import { AccessModule } from '@zhengjian/access';
import { APP_CONFIG, type AppConfig, AppConfigModule } from '@zhengjian/config';
import { DatabaseModule } from '@zhengjian/database';
import { OrdersModule } from '@zhengjian/orders';
import { HealthController, QueueModule } from '@zhengjian/queue';
import { WebhooksModule } from '@zhengjian/webhooks';
import { AdminModule } from './admin/admin.module';
import { AdminWebhooksModule } from './admin/webhooks/admin-webhooks.module';
import { CertificatesController } from './certificates/certificates.controller';
import { OrderCompletionWaiter } from './certificates/order-completion.waiter';
import { CardTypeSupport } from './admission/card-type-support';
import { RecognitionAdmission } from './admission/recognition-admission.service';
import { SyncRecognitionService } from './certificates/sync-recognition.service';
import { bodyLimits } from './http/body-limits';
import { FallbackExceptionFilter } from './http/fallback-exception.filter';
import { IdempotencyService } from './idempotency/idempotency.service';
import { ApiMetricsModule } from './metrics/api-metrics.module';
import { AsyncRecognitionService } from './recognitions/async-recognition.service';
import { RecognitionViewService } from './recognitions/recognition-view.service';
import { RecognitionsController } from './recognitions/recognitions.controller';
import { UNMATCHED_V1_ROUTE } from './recognitions/unmatched-v1-route';
import { UNMATCHED_ROUTE_ANSWERS } from './http/unmatched-route';
import { UNMATCHED_ADMIN_ROUTE } from './admin/unmatched-admin-route';

/**
 * The HTTP edge: Juhe-compatible, async (`/v1`) and admin controllers, each family with its own exception filter
 * (the global one only covers unknown routes, health and metrics), health. Controllers only here;
 * processors only in the worker (separate Nest apps sharing libs).
 */
@Module({})
export class ApiModule {
  /** @param config overrides of the environment (tests: a fresh database, a Redis prefix per run). */
  static forRoot(config?: Partial<AppConfig>): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        AppConfigModule.forRoot(config),
        DatabaseModule,
        OrdersModule,
        AccessModule,
        QueueModule,
        AdminModule,
        AdminWebhooksModule,
        WebhooksModule,
        ApiMetricsModule,
        TerminusModule,
        MulterModule.registerAsync({
          inject: [APP_CONFIG],
          useFactory: (appConfig: AppConfig) => {
            const limits = bodyLimits(appConfig.maxImageBytes);
            return {
              storage: memoryStorage(),
              limits: { fileSize: limits.fileBytes, fieldSize: limits.fieldBytes, files: 4, fields: 32, parts: 40 },
            };
          },
        }),
      ],
      controllers: [CertificatesController, RecognitionsController, HealthController],
      providers: [
        { provide: APP_FILTER, useClass: FallbackExceptionFilter },
        // How each family answers a path under its prefix that no route matched (the global filter picks by prefix).
        { provide: UNMATCHED_ROUTE_ANSWERS, useValue: [UNMATCHED_V1_ROUTE, UNMATCHED_ADMIN_ROUTE] },
        OrderCompletionWaiter,
        SyncRecognitionService,
        RecognitionAdmission,
        CardTypeSupport,
        AsyncRecognitionService,
        RecognitionViewService,
        IdempotencyService,
      ],
    };
  }
}
