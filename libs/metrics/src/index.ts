/** `@zhengjian/metrics`: Prometheus metrics (`prom-client`) shared by the api and the worker. */
export { trackJobOutcomes } from './job-outcomes';
export { MetricsModule } from './metrics.module';
export { MEASURED_QUEUES, QueueDepthCollector } from './queue-depth.collector';
export { ZhengjianMetrics, type JobOutcome, type WebhookDeliveryOutcome } from './zhengjian.metrics';
