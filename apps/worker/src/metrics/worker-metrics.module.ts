import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { MetricsModule } from '@zhengjian/metrics';
import { JobOutcomeTracker } from './job-outcome.tracker';
import { MetricsController } from './metrics.controller';

/**
 * The worker's metrics: the shared registry (`MetricsModule`, app label `worker`, global so that job services can
 * observe durations and webhook outcomes), `GET /metrics` on the health port, and the job-outcome counters.
 */
@Module({
  imports: [MetricsModule.forRoot('worker'), DiscoveryModule],
  controllers: [MetricsController],
  providers: [JobOutcomeTracker],
})
export class WorkerMetricsModule {}
