/**
 * The Prometheus metrics of one zhengjian process (api or worker), on its own registry so that two apps booted in
 * one process (the e2e tests) never collide. Metric names (all `zhengjian_`):
 *
 * - `zhengjian_requests_total{endpoint,error_code}` (api): HTTP requests by route (`POST /certificates/query`)
 *   and the Juhe `error_code` answered, or `http_<status>` for answers without an envelope (admin, health).
 * - `zhengjian_recognitions_total{card_type,provider,error_code}` (api): finished orders, counted by Postgres on
 *   scrape, so every api replica reports the same cluster-wide number (aggregate with `max`, not `sum`).
 * - `zhengjian_recognition_duration_seconds{card_type,provider}` (worker): provider time per recognition.
 * - `zhengjian_queue_jobs{queue,state}` (both): BullMQ job counts, read on scrape.
 * - `zhengjian_jobs_total{queue,outcome}` (worker): `completed`, `retried` (a failed attempt that will run again),
 *   `failed` (final).
 * - `zhengjian_webhook_deliveries_total{outcome}` (worker): WEBHOOK ENGINEER: call
 *   `metrics.webhookDeliveries.inc({ outcome })` once per delivery attempt, outcome `delivered` | `failed` |
 *   `retried` | `refused` (`@Inject(ZhengjianMetrics) metrics` anywhere: the module is global).
 *
 * Labels carry codes and names only, never a user id, an order id, a key or anything from an image.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Seconds; a local recognition takes ~0.3-3 s on a CPU, an upstream call up to its timeout. */
const DURATION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 8, 13, 20, 30, 60];

export type JobOutcome = 'completed' | 'retried' | 'failed';
export type WebhookDeliveryOutcome = 'delivered' | 'failed' | 'retried' | 'refused';

export class ZhengjianMetrics {
  readonly registry = new Registry();

  readonly requests = new Counter({
    name: 'zhengjian_requests_total',
    help: 'HTTP requests by endpoint (method and route) and the Juhe error_code answered (http_<status> otherwise)',
    labelNames: ['endpoint', 'error_code'] as const,
    registers: [this.registry],
  });

  readonly recognitionDuration = new Histogram({
    name: 'zhengjian_recognition_duration_seconds',
    help: 'Time the provider took per recognition, by cardType and the provider that answered',
    labelNames: ['card_type', 'provider'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly jobs = new Counter({
    name: 'zhengjian_jobs_total',
    help: 'BullMQ job attempts by queue and outcome (completed, retried, failed)',
    labelNames: ['queue', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly webhookDeliveries = new Counter({
    name: 'zhengjian_webhook_deliveries_total',
    help: 'Webhook delivery attempts by outcome (delivered, failed, retried, refused)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly queueJobs = new Gauge({
    name: 'zhengjian_queue_jobs',
    help: 'BullMQ jobs by queue and state, read when scraped',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
  });

  /** @param app `api` or `worker`, the `app` label of the default Node.js metrics. */
  constructor(readonly app: string) {
    this.registry.setDefaultLabels({ app });
    collectDefaultMetrics({ register: this.registry });
  }

  /** The Prometheus text exposition of every metric of this process. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
