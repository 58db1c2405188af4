import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import { ORDERS, type OrderView, type OrdersPort } from '@zhengjian/orders';
import { WebhookQueue } from '@zhengjian/queue';
import { DataSource } from 'typeorm';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity';
import { KeyWebhookSettingsReader } from './key-webhook-settings.reader';

/** What `scheduleForOrder` did. */
export type ScheduleOutcome = 'scheduled' | 'already-scheduled' | 'no-webhook' | 'not-finished';

/** A chain started by `redeliver`. */
export interface Redelivery {
  deliveryId: string;
  orderid: string;
  url: string;
}

/**
 * Starts delivery chains: a first attempt row (`pending`) and a `deliver` job. An order's own chain has the order's
 * id as `delivery_id`, so scheduling it twice (a recognition job re-run after a crash) adds nothing; a redelivery is
 * a new chain with a fresh id, the same order and URL.
 *
 * Which orders fire: async orders, to their `callbackUrl`, else their key's default `webhook_url`. Sync orders never
 * fire: their client already holds the answer (or 215300 and can read the order later).
 */
@Injectable()
export class WebhookScheduler {
  private readonly logger = new Logger(WebhookScheduler.name);

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ORDERS) private readonly orders: OrdersPort,
    @Inject(KeyWebhookSettingsReader) private readonly settings: KeyWebhookSettingsReader,
    @Inject(WebhookQueue) private readonly queue: WebhookQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Schedules the order's webhook if it has one; idempotent. Call after the order is finished (committed). */
  async scheduleForOrder(orderId: string): Promise<ScheduleOutcome> {
    const order = await this.orders.findById(orderId);
    if (!order || (order.status !== 'succeeded' && order.status !== 'failed')) return 'not-finished';
    const url = await this.targetOf(order);
    if (!url) return 'no-webhook';
    const inserted = await this.insertFirstAttempt(order.id, order.id, url);
    const first = inserted
      ? null
      : await this.dataSource.manager.findOneBy(WebhookDeliveryEntity, {
          deliveryId: order.id,
          attempt: 1,
        });
    // An existing chain whose first attempt never ran lost its job (crash between insert and enqueue): add it again.
    if (!inserted && first?.status !== 'pending') return 'already-scheduled';
    await this.queue.enqueue(order.id);
    this.logger.log(`order ${order.orderid}: webhook delivery ${order.id} scheduled`);
    return 'scheduled';
  }

  /**
   * A new chain for the order and URL of `id`: the id of a delivery attempt (`GET /admin/webhooks/deliveries`
   * items' `id`), or a chain's delivery id, the `X-Zhengjian-Delivery` header the receiver saw (its `deliveryId`).
   * @returns null when there is no such attempt or chain.
   */
  async redeliver(id: string): Promise<Redelivery | null> {
    const source =
      (await this.dataSource.manager.findOneBy(WebhookDeliveryEntity, { id })) ??
      (await this.dataSource.manager.findOne(WebhookDeliveryEntity, {
        where: { deliveryId: id },
        order: { attempt: 'DESC' },
      }));
    if (!source) return null;
    const order = await this.orders.findById(source.orderId);
    if (!order) return null;
    const deliveryId = randomUUID();
    await this.insertFirstAttempt(deliveryId, order.id, source.url);
    await this.queue.enqueue(deliveryId);
    this.logger.log(`order ${order.orderid}: redelivery ${deliveryId} of delivery ${source.deliveryId} scheduled`);
    return { deliveryId, orderid: order.orderid, url: source.url };
  }

  /**
   * Puts back, from PostgreSQL, the deliveries Redis lost. Chains whose last attempt is `pending` (never answered) or
   * `retrying`, unchanged for `olderThanMs` and without a job in the queue (Redis flushed, the job's retries used up
   * while the database was down) get a job with the attempts they have left; a chain whose job is still queued is
   * left alone. Async orders of the last day finished for `olderThanMs` with a webhook target but no delivery (the
   * worker died, or Redis lost the job, between finishing and scheduling) get their chain.
   * @returns how many chains got a new job.
   */
  async resumeUnsettled(olderThanMs: number, limit: number): Promise<number> {
    let resumed = 0;
    for (const orderId of await this.unscheduledOrders(olderThanMs, limit)) {
      if ((await this.scheduleForOrder(orderId)) === 'scheduled') resumed++;
    }
    const chains: { delivery_id: string; attempt: number; status: 'pending' | 'retrying' }[] =
      await this.dataSource.query(
        `SELECT d.delivery_id, d.attempt, d.status FROM webhook_deliveries d
          WHERE d.status IN ('pending', 'retrying')
            AND d.created_at < now() - CAST($1 AS double precision) * interval '1 millisecond'
            AND NOT EXISTS (SELECT 1 FROM webhook_deliveries l
                             WHERE l.delivery_id = d.delivery_id AND l.attempt > d.attempt)
          ORDER BY d.created_at
          LIMIT $2`,
        [olderThanMs, limit],
      );
    for (const chain of chains) {
      const recorded = chain.status === 'pending' ? chain.attempt - 1 : chain.attempt;
      const left = this.config.webhookMaxAttempts - recorded;
      if ((await this.queue.requeue(chain.delivery_id, left)) !== 'left-in-queue') resumed++;
    }
    return resumed;
  }

  /** Finished async orders of the last day with a webhook target and no delivery chain yet. */
  private async unscheduledOrders(olderThanMs: number, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT o.id FROM orders o JOIN api_keys k ON k.id = o.api_key_id
        WHERE o.created_at > now() - interval '1 day'
          AND o.mode = 'async' AND o.status IN ('succeeded', 'failed')
          AND o.finished_at < now() - CAST($1 AS double precision) * interval '1 millisecond'
          AND (o.callback_url IS NOT NULL OR k.webhook_url IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.order_id = o.id)
        ORDER BY o.created_at
        LIMIT $2`,
      [olderThanMs, limit],
    );
    return rows.map((row) => row.id);
  }

  private async targetOf(order: OrderView): Promise<string | null> {
    if (order.mode !== 'async') return null;
    return order.callbackUrl ?? (await this.settings.defaultUrl(order.apiKeyId));
  }

  /** @returns false when the chain's first attempt already exists. */
  private async insertFirstAttempt(deliveryId: string, orderId: string, url: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO webhook_deliveries (id, delivery_id, order_id, url, attempt, status)
       VALUES ($1, $2, $3, $4, 1, 'pending')
       ON CONFLICT (delivery_id, attempt) DO NOTHING
       RETURNING id`,
      [randomUUID(), deliveryId, orderId, url],
    );
    return rows.length > 0;
  }
}
