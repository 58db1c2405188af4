import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { MulterModule } from '@nestjs/platform-express';
import { TerminusModule } from '@nestjs/terminus';
import { memoryStorage } from 'multer';
import { AccessModule } from '@zhengjian/access';
import { APP_CONFIG, type AppConfig, AppConfigModule } from '@zhengjian/config';
import { DatabaseModule } from '@zhengjian/database';
import { OrdersModule } from '@zhengjian/orders';
import { QueueModule } from '@zhengjian/queue';
import { CertificatesController } from './certificates/certificates.controller';
import { OrderCompletionWaiter } from './certificates/order-completion.waiter';
import { SyncRecognitionService } from './certificates/sync-recognition.service';
import { HealthController } from './health/health.controller';
import { bodyLimits } from './http/body-limits';
import { JuheExceptionFilter } from './http/juhe-exception.filter';

/**
 * The HTTP edge: Juhe-compatible controllers, the global exception filter, health. Controllers only here;
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
      controllers: [CertificatesController, HealthController],
      providers: [
        { provide: APP_FILTER, useClass: JuheExceptionFilter },
        OrderCompletionWaiter,
        SyncRecognitionService,
      ],
    };
  }
}
