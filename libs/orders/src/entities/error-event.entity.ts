import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/**
 * Table `error_events`: every non-zero outcome — finished orders (with `order_id`) and requests refused before an
 * order existed (access codes 100xx, bad requests 2153xx). `detail` is a non-personal explanation for operators.
 * Refusals without a known key are counted in one row per (error_code, ip, `minute`) rather than a row each, so a
 * flood of made-up keys writes O(1) rows.
 */
@Entity({ name: 'error_events' })
@Index('error_events_api_key_id_created_at_idx', ['apiKeyId', 'createdAt'])
@Index('error_events_created_at_idx', ['createdAt'])
@Index('error_events_order_id_idx', ['orderId'])
@Check('error_events_count_check', 'count >= 1')
@Index('error_events_refusal_minute_key', ['errorCode', 'ip', 'minute'], { unique: true, where: 'minute IS NOT NULL' })
export class ErrorEventEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'order_id', type: 'uuid', nullable: true })
  @ForeignKey('OrderEntity', { name: 'error_events_order_id_fkey' })
  orderId!: string | null;

  @Column({ name: 'api_key_id', type: 'uuid', nullable: true })
  @ForeignKey('ApiKeyEntity', { name: 'error_events_api_key_id_fkey' })
  apiKeyId!: string | null;

  @Column({ name: 'error_code', type: 'integer' })
  errorCode!: number;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text', nullable: true })
  detail!: string | null;

  /** Client IP of the request (text: IPv4 or IPv6 as the api saw it). */
  @Column({ type: 'text', nullable: true })
  ip!: string | null;

  /** Events this row stands for: 1, or the refusals of one IP in one `minute`. */
  @Column({ type: 'integer', default: 1 })
  count!: number;

  /** The UTC minute of a counted refusal row (no key known); null on every other row. */
  @Column({ type: 'timestamptz', nullable: true })
  minute!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
