import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/**
 * Table `order_images`: the uploaded image of an order, AES-256-GCM encrypted (`DataCipher` binary layout, context
 * `order_images:<order id>`). Deleted in the transaction that finishes the order unless `RETAIN_IMAGES` is on; then
 * at the latest by the retention job (`RETENTION_DAYS`) or an erasure request (`OrderErasureService`).
 */
@Entity({ name: 'order_images' })
export class OrderImageEntity {
  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  @ForeignKey('OrderEntity', { name: 'order_images_order_id_fkey', onDelete: 'CASCADE' })
  orderId!: string;

  @Column({ name: 'bytes_enc', type: 'bytea' })
  bytesEnc!: Buffer;

  /** Content type as uploaded (e.g. `image/jpeg`), or null when unknown. */
  @Column({ type: 'text', nullable: true })
  mime!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
