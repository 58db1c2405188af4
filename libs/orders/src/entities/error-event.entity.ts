import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/**
 * Table `error_events`: every non-zero outcome — finished orders (with `order_id`) and requests refused before an
 * order existed (access codes 100xx, bad requests 2153xx). `detail` is a non-personal explanation for operators.
 */
@Entity({ name: 'error_events' })
@Index('error_events_api_key_id_created_at_idx', ['apiKeyId', 'createdAt'])
@Index('error_events_created_at_idx', ['createdAt'])
@Index('error_events_order_id_idx', ['orderId'])
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

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
