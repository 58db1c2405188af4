import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';

/** Outcome of one attempt: `pending` until answered; `retrying` failed with attempts left; `failed` was the last. */
export type WebhookAttemptStatus = 'pending' | 'delivered' | 'retrying' | 'failed';

/**
 * Table `webhook_deliveries`: one row per delivery attempt. The attempts of one chain (an order's delivery, or a
 * redelivery started by an operator) share `delivery_id`, the value of `X-Zhengjian-Delivery`. No payload is stored:
 * it is rebuilt from the order row, which makes it identical across attempts and carries no personal data anyway.
 */
@Entity({ name: 'webhook_deliveries' })
@Index('webhook_deliveries_order_id_created_at_idx', ['orderId', 'createdAt'])
@Index('webhook_deliveries_created_at_idx', ['createdAt'])
// Partial: the sweeper looks only at chains whose last attempt is unsettled, a small fraction of the table.
@Index('webhook_deliveries_unsettled_created_at_idx', ['createdAt'], { where: `status IN ('pending', 'retrying')` })
@Unique('webhook_deliveries_delivery_id_attempt_key', ['deliveryId', 'attempt'])
@Check('webhook_deliveries_status_check', `status IN ('pending', 'delivered', 'retrying', 'failed')`)
export class WebhookDeliveryEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** The chain: the order's id for its first delivery, a fresh uuid per redelivery. */
  @Column({ name: 'delivery_id', type: 'uuid' })
  deliveryId!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  @ForeignKey('OrderEntity', { name: 'webhook_deliveries_order_id_fkey' })
  orderId!: string;

  /** Target of the chain (the order's `callbackUrl`, else its key's `webhook_url` when the chain started). */
  @Column({ type: 'text' })
  url!: string;

  /** 1-based, as sent in `X-Zhengjian-Attempt`. */
  @Column({ type: 'integer' })
  attempt!: number;

  @Column({ type: 'text', default: 'pending' })
  status!: WebhookAttemptStatus;

  /** HTTP status the receiver answered; null when there was no answer (refused, timeout, DNS). */
  @Column({ name: 'status_code', type: 'integer', nullable: true })
  statusCode!: number | null;

  @Column({ name: 'duration_ms', type: 'integer', nullable: true })
  durationMs!: number | null;

  /** Why the attempt failed, for operators (never the body or a secret). */
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
