import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { ZhengjianMetrics } from './zhengjian.metrics';

/** Queues whose depth is reported when the app has them. */
export const MEASURED_QUEUES = ['recognition', 'webhooks'] as const;

/**
 * Fills `zhengjian_queue_jobs{queue,state}` from BullMQ's job counts at scrape time (one Redis round trip per
 * queue). Queues are looked up by name, so an app without the `webhooks` queue simply does not report it. A Redis
 * outage leaves the gauge empty for that scrape rather than failing `/metrics`.
 */
@Injectable()
export class QueueDepthCollector implements OnModuleInit {
  private readonly logger = new Logger(QueueDepthCollector.name);
  private queues: Queue[] = [];

  constructor(
    @Inject(ZhengjianMetrics) private readonly metrics: ZhengjianMetrics,
    @Inject(ModuleRef) private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    this.queues = MEASURED_QUEUES.map((name) => this.find(name)).filter((q): q is Queue => q !== undefined);
    const gauge = this.metrics.queueJobs;
    // prom-client calls `collect` on every scrape; the gauge is rebuilt from the counts each time.
    Object.assign(gauge, { collect: () => this.collect() });
  }

  private async collect(): Promise<void> {
    const gauge = this.metrics.queueJobs;
    gauge.reset();
    for (const queue of this.queues) {
      try {
        const counts = await withTimeout(queue.getJobCounts(), 2_000);
        for (const [state, count] of Object.entries(counts)) gauge.set({ queue: queue.name, state }, count);
      } catch (err) {
        this.logger.warn(`queue ${queue.name}: job counts unavailable (${(err as Error).message})`);
      }
    }
  }

  private find(name: string): Queue | undefined {
    try {
      return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
    } catch {
      return undefined;
    }
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
