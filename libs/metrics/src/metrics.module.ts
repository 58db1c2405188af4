import { type DynamicModule, Global, Module } from '@nestjs/common';
import { QueueDepthCollector } from './queue-depth.collector';
import { ZhengjianMetrics } from './zhengjian.metrics';

/**
 * The process's Prometheus registry and metrics (`ZhengjianMetrics`) as a global module, plus the queue-depth
 * collector. Import `MetricsModule.forRoot('api' | 'worker')` once in an app's root module; each app instance gets
 * its own registry.
 */
@Global()
@Module({})
export class MetricsModule {
  static forRoot(app: string): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      providers: [{ provide: ZhengjianMetrics, useFactory: () => new ZhengjianMetrics(app) }, QueueDepthCollector],
      exports: [ZhengjianMetrics],
    };
  }
}
