import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { ProviderName } from '@zhengjian/config';
import type { ErasedBy, OrderMode, OrderStatus } from '../orders.contract';

/**
 * Table `orders`: one row per recognition request that passed access checks. Every column has an explicit type
 * (no `design:type` metadata needed: the CLI runs under tsx/esbuild) that matches the committed migration.
 * `result_enc` is AES-256-GCM ciphertext (`DataCipher` text layout, context `orders.result:<id>`).
 */
@Entity({ name: 'orders' })
@Index('orders_api_key_id_created_at_idx', ['apiKeyId', 'createdAt'])
// Admin listings page newest first over (created_at, id).
@Index('orders_created_at_id_idx', ['createdAt', 'id'])
// Partial: the sweeper only ever looks at unfinished orders, a small fraction of the table.
@Index('orders_unfinished_status_updated_at_idx', ['status', 'updatedAt'], {
  where: `status IN ('queued', 'processing')`,
})
// Partial: the retention job pages through finished orders not erased yet, oldest first.
@Index('orders_unerased_finished_at_idx', ['finishedAt'], {
  where: `erased_at IS NULL AND finished_at IS NOT NULL`,
})
@Check('orders_erased_by_check', `erased_by IN ('retention', 'key', 'admin')`)
@Check('orders_mode_check', `mode IN ('sync', 'async')`)
@Check('orders_provider_check', `provider IN ('local', 'juhe')`)
@Check('orders_status_check', `status IN ('queued', 'processing', 'succeeded', 'failed')`)
export class OrderEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Juhe order number, `JH` + 22 digits; unique. */
  @Column({ type: 'text', unique: true })
  orderid!: string;

  @Column({ name: 'api_key_id', type: 'uuid' })
  @ForeignKey('ApiKeyEntity', { name: 'orders_api_key_id_fkey' })
  apiKeyId!: string;

  /** The caller's own reference (Juhe `userid`), echoed back; not personal data by contract. */
  @Column({ type: 'text', nullable: true })
  userid!: string | null;

  @Column({ name: 'card_type', type: 'integer' })
  cardType!: number;

  @Column({ type: 'text' })
  mode!: OrderMode;

  @Column({ type: 'text', nullable: true })
  provider!: ProviderName | null;

  @Column({ type: 'text', default: 'queued' })
  status!: OrderStatus;

  @Column({ name: 'error_code', type: 'integer', nullable: true })
  errorCode!: number | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'result_enc', type: 'text', nullable: true })
  resultEnc!: string | null;

  /** SHA-256 (hex) of the uploaded bytes: finds duplicates without keeping the image. */
  @Column({ name: 'image_sha256', type: 'text', nullable: true })
  imageSha256!: string | null;

  @Column({ name: 'return_order_id', type: 'boolean', default: false })
  returnOrderId!: boolean;

  @Column({ name: 'callback_url', type: 'text', nullable: true })
  callbackUrl!: string | null;

  /** `detail` was asked (async requests): reading the result later includes `_detail`. */
  @Column({ type: 'boolean', default: false })
  detail!: boolean;

  /** `crop` was asked: the result (encrypted in `result_enc`) carries `_crop`, the rectified document. */
  @Column({ type: 'boolean', default: false })
  crop!: boolean;

  /** The requesting client's IP, copied into `error_events.ip` when the order fails. */
  @Column({ name: 'client_ip', type: 'text', nullable: true })
  clientIp!: string | null;

  /** Times a worker took the job (`markProcessing`); > 1 after retries or a re-run. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /** Last status change; the sweeper looks for unfinished orders whose `updated_at` is old. */
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  /** Start of the latest attempt. */
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  /** finished_at − started_at of the finishing attempt (finished_at − created_at if it never started), ms. */
  @Column({ name: 'duration_ms', type: 'integer', nullable: true })
  durationMs!: number | null;

  /** When the image, result, userid, image hash and client IP were erased (retention or a request); null before. */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;

  @Column({ name: 'erased_by', type: 'text', nullable: true })
  erasedBy!: ErasedBy | null;
}
