import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/**
 * Table `billing_records`: one row per billable order (error_code 0 or 215305), written in the transaction that
 * finishes the order. `order_id` is UNIQUE, so the database itself refuses a second charge.
 */
@Entity({ name: 'billing_records' })
@Index('billing_records_api_key_id_created_at_idx', ['apiKeyId', 'createdAt'])
@Index('billing_records_created_at_idx', ['createdAt'])
export class BillingRecordEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'order_id', type: 'uuid', unique: true })
  @ForeignKey('OrderEntity', { name: 'billing_records_order_id_fkey' })
  orderId!: string;

  @Column({ name: 'api_key_id', type: 'uuid' })
  @ForeignKey('ApiKeyEntity', { name: 'billing_records_api_key_id_fkey' })
  apiKeyId!: string;

  @Column({ name: 'card_type', type: 'integer' })
  cardType!: number;

  @Column({ name: 'error_code', type: 'integer' })
  errorCode!: number;

  /** Charged units; 1 per order today, a column so that tariffs can change without a migration of old rows. */
  @Column({ type: 'integer', default: 1 })
  units!: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
