import { WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { ZhengjianMetrics, trackJobOutcomes } from '@zhengjian/metrics';

/**
 * Counts the outcomes of every BullMQ processor of the worker (`recognition`, `webhooks`, any later one) in
 * `zhengjian_jobs_total{queue,outcome}`. Processors are found through Nest's discovery, so a new processor is
 * measured without touching this file.
 */
@Injectable()
export class JobOutcomeTracker implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobOutcomeTracker.name);

  constructor(
    @Inject(DiscoveryService) private readonly discovery: DiscoveryService,
    @Inject(ZhengjianMetrics) private readonly metrics: ZhengjianMetrics,
  ) {}

  onApplicationBootstrap(): void {
    const queues: string[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!(instance instanceof WorkerHost)) continue;
      try {
        trackJobOutcomes(instance.worker, this.metrics);
        queues.push(instance.worker.name);
      } catch (err) {
        // `worker` throws until @nestjs/bullmq has created it; such a processor is simply not measured.
        this.logger.warn(`${wrapper.name}: not measured (${(err as Error).message})`);
      }
    }
    this.logger.log(`measuring job outcomes of ${queues.join(', ') || 'no queue'}`);
  }
}
