import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Job, JobState, Queue } from 'bullmq';
import {
  RECOGNITION_QUEUE,
  RecognitionJobName,
  type RecognizeJobData,
  recognizeJobId,
  recognizeJobOptions,
} from './recognition.jobs';

/** The ids of an order a job needs: the internal id (payload) and the Juhe order number (job id). */
export interface QueuedOrderRef {
  id: string;
  orderid: string;
}

/** What {@link RecognitionQueue.requeue} did with a stuck order's job. */
export type RequeueOutcome = 'added' | 'replaced' | 'left-in-queue';

/** Job states in which the job will still run (or is running): the sweeper leaves those alone. */
const PENDING_STATES: ReadonlySet<JobState | 'unknown'> = new Set<JobState | 'unknown'>([
  'active',
  'waiting',
  'waiting-children',
  'delayed',
  'prioritized',
]);

/**
 * Producer side of the `recognition` queue: adds `recognize` jobs (ids only, deterministic job id) and re-adds the
 * job of an order that is stuck because Redis lost it or its last attempt failed without finishing the order.
 */
@Injectable()
export class RecognitionQueue {
  private readonly logger = new Logger(RecognitionQueue.name);

  constructor(@InjectQueue(RECOGNITION_QUEUE) private readonly queue: Queue<RecognizeJobData>) {}

  /** Adds the `recognize` job of an order; a no-op when a job with the same id is still in the queue. */
  async enqueue(order: QueuedOrderRef): Promise<Job<RecognizeJobData>> {
    return this.queue.add(RecognitionJobName.Recognize, { orderId: order.id }, recognizeJobOptions(order.orderid));
  }

  /**
   * Makes sure an unfinished order has a job that will run: none (Redis flushed) → added; one that already
   * completed or failed (the order is unfinished all the same) → removed and added again; a pending one → left.
   */
  async requeue(order: QueuedOrderRef): Promise<RequeueOutcome> {
    const jobId = recognizeJobId(order.orderid);
    const state = await this.queue.getJobState(jobId);
    if (PENDING_STATES.has(state)) return 'left-in-queue';
    let outcome: RequeueOutcome = 'added';
    if (state === 'completed' || state === 'failed') {
      await this.queue.remove(jobId);
      outcome = 'replaced';
    }
    await this.enqueue(order);
    this.logger.log(`requeued order ${order.orderid} (job was ${state})`);
    return outcome;
  }

  /** Removes the job of an order that will not run (cancelled); a job a worker holds is left (it sees the order). */
  async remove(order: QueuedOrderRef): Promise<void> {
    await this.queue.remove(recognizeJobId(order.orderid));
  }

  /** A read round trip to Redis, for health checks; rejects after `timeoutMs` (commands wait while Redis is down). */
  async ping(timeoutMs = 2_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`redis did not answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.queue.getJobCounts('active'), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Jobs waiting for a worker (not yet taken): the backlog a new sync request would queue behind. */
  async waitingCount(): Promise<number> {
    const counts = await this.queue.getJobCounts('waiting', 'prioritized');
    return Object.values(counts).reduce((a, b) => a + b, 0);
  }

  /** Jobs not yet finished (waiting, delayed, active), for tests and benchmarks that wait for the queue to drain. */
  async pendingCount(): Promise<number> {
    const counts = await this.queue.getJobCounts('waiting', 'delayed', 'active', 'prioritized');
    return Object.values(counts).reduce((a, b) => a + b, 0);
  }
}
