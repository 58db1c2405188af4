import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** The first answer to a request with an `Idempotency-Key`, replayed to its retries. */
export interface StoredResponse {
  status: number;
  body: Record<string, unknown>;
}

/**
 * Table `idempotency_keys`: one row per (API key, `Idempotency-Key` header). Inserted first as a lock (`response`
 * null: the first request is still being accepted), then completed with the answer that retries replay. Rows older
 * than the replay window count as absent and are deleted by age.
 */
@Entity({ name: 'idempotency_keys' })
@Index('idempotency_keys_created_at_idx', ['createdAt'])
export class IdempotencyKeyEntity {
  @PrimaryColumn({ name: 'api_key_id', type: 'uuid' })
  @ForeignKey('ApiKeyEntity', { name: 'idempotency_keys_api_key_id_fkey', onDelete: 'CASCADE' })
  apiKeyId!: string;

  /** The header's value as sent (1-255 visible ASCII characters). */
  @PrimaryColumn({ type: 'text' })
  key!: string;

  /** SHA-256 (hex) of the normalised request, the image's SHA-256 included; never the image or the API key. */
  @Column({ name: 'request_hash', type: 'text' })
  requestHash!: string;

  /** null while the first request is in progress. Holds ids and a status only: no personal data. */
  @Column({ type: 'jsonb', nullable: true })
  response!: StoredResponse | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
