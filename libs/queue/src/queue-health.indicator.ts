import { Inject, Injectable } from '@nestjs/common';
import { type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { RecognitionQueue } from './recognition.queue';

/** Terminus indicator `redis`: up when the queue's Redis connection answers PING. */
@Injectable()
export class QueueHealthIndicator {
  constructor(
    @Inject(HealthIndicatorService) private readonly health: HealthIndicatorService,
    @Inject(RecognitionQueue) private readonly queue: RecognitionQueue,
  ) {}

  async isHealthy(key = 'redis'): Promise<HealthIndicatorResult> {
    const indicator = this.health.check(key);
    try {
      await this.queue.ping();
      return indicator.up();
    } catch (err) {
      return indicator.down({ message: err instanceof Error ? err.message : 'redis unreachable' });
    }
  }
}
