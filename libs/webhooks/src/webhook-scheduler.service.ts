import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
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
