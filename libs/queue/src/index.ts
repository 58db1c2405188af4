/**
 * `@zhengjian/queue`: the BullMQ `recognition` queue shared by the api (producer) and the worker (consumer): job
 * names, id-only payloads, deterministic job ids, retry options, the Redis connection from `REDIS_URL`.
 */
export {
  RECOGNITION_QUEUE,
  RECOGNITION_LOCK_DURATION_MS,
  RECOGNITION_MAX_STALLED_COUNT,
  RECOGNITION_STALLED_INTERVAL_MS,
  RECOGNIZE_JOB_ATTEMPTS,
  RECOGNIZE_JOB_BACKOFF_MS,
  RECOGNIZE_KEEP_COMPLETED,
  RECOGNIZE_KEEP_FAILED,
  RecognitionJobName,
  recognizeJobId,
  recognizeJobOptions,
  type RecognitionJobDataMap,
  type RecognizeJobData,
} from './recognition.jobs';
export { RecognitionQueue, type QueuedOrderRef, type RequeueOutcome } from './recognition.queue';
export {
  WEBHOOKS_QUEUE,
  WEBHOOK_CONCURRENCY,
  WebhookJobName,
  deliverJobOptions,
  webhookJobId,
  type DeliverJobData,
  type UnrecordedAttemptData,
  type WebhookJobDataMap,
} from './webhooks.jobs';
export { WebhookQueue } from './webhook.queue';
export {
  RETENTION_BATCH,
  RETENTION_EVERY_MS,
  RETENTION_JOB_OPTIONS,
  RETENTION_QUEUE,
  RETENTION_SCHEDULER_ID,
  RetentionJobName,
} from './retention.jobs';
export { QueueHealthIndicator } from './queue-health.indicator';
export { QueueModule } from './queue.module';
export { redisConnectionOptions } from './redis-connection';
export { HealthController } from './health.controller';
