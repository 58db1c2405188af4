import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** `active` keys are served; `disabled` ones answer 10009. */
export type ApiKeyStatus = 'active' | 'disabled';

/**
 * Table `api_keys`. The plaintext key is never stored: only `key_hash` = SHA-256 (hex) of it, and `prefix` (its first
 * 8 characters) so that operators can tell keys apart. Explicit column types everywhere (see `OrderEntity`).
 */
@Entity({ name: 'api_keys' })
@Check('api_keys_status_check', `status IN ('active', 'disabled')`)
@Check('api_keys_daily_quota_check', 'daily_quota >= 0')
@Check('api_keys_total_quota_check', 'total_quota >= 0')
export class ApiKeyEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Operator's label ("shop backend"); shown in lists, never to clients. */
  @Column({ type: 'text' })
  name!: string;

  /**
   * SHA-256 hex of the plaintext key. A fast hash is right here (unlike passwords): keys are 128 random bits, so
   * there is nothing to brute-force, and a fast hash keeps the per-request lookup an indexed equality match.
   */
  @Column({ name: 'key_hash', type: 'text', unique: true })
  keyHash!: string;

  @Column({ type: 'text' })
  prefix!: string;

  @Column({ type: 'text', default: 'active' })
  status!: ApiKeyStatus;

  /** null = never expires; from this instant on the key answers 10003. */
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  /** Test keys may make `TEST_KEY_LIMIT` requests in total (10013). */
  @Column({ name: 'is_test', type: 'boolean', default: false })
  isTest!: boolean;

  /** Requests per day (in `QUOTA_TIME_ZONE`); null = unlimited. */
  @Column({ name: 'daily_quota', type: 'integer', nullable: true })
  dailyQuota!: number | null;

  /** Requests over the key's life; null = unlimited. */
  @Column({ name: 'total_quota', type: 'integer', nullable: true })
  totalQuota!: number | null;

  /** Juhe cardTypes the key may ask for; null = all (10002 otherwise). */
  @Column({ name: 'allowed_card_types', type: 'integer', array: true, nullable: true })
  allowedCardTypes!: number[] | null;

  /** Client addresses refused with 10008: single IPs or CIDR ranges, IPv4 or IPv6. */
  @Column({ name: 'ip_denylist', type: 'text', array: true, default: () => "'{}'" })
  ipDenylist!: string[];

  /** Default webhook endpoint of async orders (next issue). */
  @Column({ name: 'webhook_url', type: 'text', nullable: true })
  webhookUrl!: string | null;

  /** HMAC secret of the webhook, `DataCipher` text layout (context `api_keys.webhook_secret:<id>`). */
  @Column({ name: 'webhook_secret_enc', type: 'text', nullable: true })
  webhookSecretEnc!: string | null;

  /** Requests authorised over the key's life (total quota, test key limit). */
  @Column({ name: 'total_used', type: 'integer', default: 0 })
  totalUsed!: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
