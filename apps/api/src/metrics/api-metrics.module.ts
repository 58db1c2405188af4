import { Module } from '@nestjs/common';
import { MetricsModule } from '@zhengjian/metrics';
import { MetricsController } from './metrics.controller';
import { RecognitionCountsCollector } from './recognition-counts.collector';

/**
 * The api's metrics: the shared registry (`MetricsModule`, app label `api`), `GET /metrics`, and the Postgres-backed
 * recognition counts. The request counter is fed by `requestMetricsMiddleware`, installed in `configureApiApp`.
 */
@Module({
  imports: [MetricsModule.forRoot('api')],
  controllers: [MetricsController],
  providers: [RecognitionCountsCollector],
})
export class ApiMetricsModule {}
