import type { ApiKeyStatus } from '../entities/api-key.entity';

/** What `ApiKeysService.create` takes. Quotas are request counts; omitted = unlimited. */
export interface CreateApiKeyInput {
  /** Operator's label, 1-200 characters. */
  name: string;
  /** Requests per day in `QUOTA_TIME_ZONE` (integer ≥ 0). */
  dailyQuota?: number | null;
  /** Requests over the key's life (integer ≥ 0). */
  totalQuota?: number | null;
  /** A test key: at most `TEST_KEY_LIMIT` requests in total (10013 after). */
  isTest?: boolean;
  /** Juhe cardTypes allowed (each must be catalogued); omitted or null = all. */
  cardTypes?: number[] | null;
  /** From this instant on the key answers 10003; omitted = never. */
  expiresAt?: Date | null;
  /** IPs or CIDR ranges refused with 10008. */
  ipDenylist?: string[];
  /** Default webhook endpoint of async orders (http or https URL). */
  webhookUrl?: string | null;
}

/** `create`'s answer: the plaintext `key` exists only here, it is never stored nor shown again. */
export interface CreatedApiKey {
  id: string;
  /** 32 lowercase hex characters. */
  key: string;
  /**
   * The HMAC-SHA256 secret of the key's webhooks (`whsec_` + 64 hex), shown only here; stored AES-256-GCM encrypted.
   * null when the creating process has no `DATA_KEY` (the `keys` CLI).
   */
  webhookSecret: string | null;
}

/** A key as listed: everything but its hash and webhook secret. */
export interface ApiKeySummary {
  id: string;
  name: string;
  /** First 8 characters of the plaintext. */
  prefix: string;
  status: ApiKeyStatus;
  expiresAt: Date | null;
  isTest: boolean;
  dailyQuota: number | null;
  totalQuota: number | null;
  allowedCardTypes: number[] | null;
  ipDenylist: string[];
  webhookUrl: string | null;
  hasWebhookSecret: boolean;
  /** Requests authorised so far. */
  totalUsed: number;
  createdAt: Date;
}

/**
 * What `ApiKeysService.update` changes: only the fields present. `null` clears a limit (quota → unlimited,
 * `expiresAt` → never, `allowedCardTypes` → all, `webhookUrl` → none); `ipDenylist` replaces the whole list.
 */
export interface UpdateApiKeyInput {
  name?: string;
  dailyQuota?: number | null;
  totalQuota?: number | null;
  expiresAt?: Date | null;
  allowedCardTypes?: number[] | null;
  ipDenylist?: string[];
  webhookUrl?: string | null;
}
