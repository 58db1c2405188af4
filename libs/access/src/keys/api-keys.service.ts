import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { isCatalogued } from '@zhengjian/juhe';
import { DataCipher } from '@zhengjian/orders';
import { DataSource } from 'typeorm';
import { API_KEY_BYTES, API_KEY_PREFIX_LENGTH } from '../access.constants';
import { ApiKeyInputError } from '../api-key-input.error';
import { ApiKeyEntity } from '../entities/api-key.entity';
import { isValidDenylistEntry } from '../ip-denylist';
import { hashApiKey } from './api-key.hash';
import { validatedPatch } from './api-key-patch';
import type { ApiKeySummary, CreateApiKeyInput, CreatedApiKey, UpdateApiKeyInput } from './api-key.types';
import { generateWebhookSecret, webhookSecretContext } from './webhook-secret';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_QUOTA = 2_147_483_647;

/**
 * API keys: create (the plaintext is returned once and only its SHA-256 is stored), list, find, disable. Used by the
 * `keys` CLI commands and the admin endpoints. Logs key ids only, never a key or its prefix.
 */
@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger(ApiKeysService.name);

  /**
   * @param cipher encrypts webhook secrets under `DATA_KEY`; without it (the `keys` CLI, which reads only
   *   `DATABASE_URL`) keys are created without a webhook secret and `webhookSecret` is null.
   */
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Optional() @Inject(DataCipher) private readonly cipher?: DataCipher,
  ) {}

  /** @throws ApiKeyInputError naming the first bad field. */
  async create(input: CreateApiKeyInput): Promise<CreatedApiKey> {
    const row = validated(input);
    const key = randomBytes(API_KEY_BYTES).toString('hex');
    const id = randomUUID();
    const webhookSecret = this.cipher ? generateWebhookSecret() : null;
    await this.dataSource.manager.insert(ApiKeyEntity, {
      ...row,
      id,
      keyHash: hashApiKey(key),
      prefix: key.slice(0, API_KEY_PREFIX_LENGTH),
      status: 'active',
      webhookSecretEnc: webhookSecret === null ? null : this.encryptSecret(id, webhookSecret),
      totalUsed: 0,
    });
    this.logger.log(`api key ${id} created${row.isTest ? ' (test)' : ''}`);
    return { id, key, webhookSecret };
  }

  /**
   * Replaces the key's webhook signing secret; the new one is returned once (deliveries from now on are signed with
   * it). @returns null when there is no such key. @throws Error when this process has no `DATA_KEY` cipher.
   */
  async rotateWebhookSecret(id: string): Promise<string | null> {
    if (!UUID.test(id)) return null;
    const secret = generateWebhookSecret();
    const result = await this.dataSource.manager.update(
      ApiKeyEntity,
      { id },
      { webhookSecretEnc: this.encryptSecret(id, secret), updatedAt: () => 'now()' },
    );
    if ((result.affected ?? 0) === 0) return null;
    this.logger.log(`api key ${id}: webhook secret rotated`);
    return secret;
  }

  /** Every key, newest first. */
  async list(): Promise<ApiKeySummary[]> {
    const rows = await this.dataSource.manager.find(ApiKeyEntity, { order: { createdAt: 'DESC', id: 'ASC' } });
    return rows.map(toSummary);
  }

  /** The key with this id; null when there is none (or `id` is not a uuid). */
  async find(id: string): Promise<ApiKeySummary | null> {
    if (!UUID.test(id)) return null;
    const row = await this.dataSource.manager.findOneBy(ApiKeyEntity, { id });
    return row ? toSummary(row) : null;
  }

  /**
   * Changes quotas, expiry, allowed card types, IP deny list, webhook URL or name (only the fields given).
   * @returns the key as it is now, or null when there is no such key.
   * @throws ApiKeyInputError naming the first bad field.
   */
  async update(id: string, input: UpdateApiKeyInput): Promise<ApiKeySummary | null> {
    const patch = validatedPatch(input);
    if (!UUID.test(id)) return null;
    if (Object.keys(patch).length > 0) {
      const result = await this.dataSource.manager.update(ApiKeyEntity, { id }, { ...patch, updatedAt: () => 'now()' });
      if ((result.affected ?? 0) === 0) return null;
      this.logger.log(`api key ${id} updated: ${Object.keys(patch).join(', ')}`);
    }
    return this.find(id);
  }

  /** Disables the key (10009 from now on). @returns false when there is no such key. */
  async disable(id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    const result = await this.dataSource.manager.update(
      ApiKeyEntity,
      { id },
      { status: 'disabled', updatedAt: () => 'now()' },
    );
    const found = (result.affected ?? 0) > 0;
    if (found) this.logger.log(`api key ${id} disabled`);
    return found;
  }

  /** The row of a plaintext key (by hash), for `AccessService`; null when unknown. */
  async findByPlaintext(key: string): Promise<ApiKeyEntity | null> {
    return this.dataSource.manager.findOneBy(ApiKeyEntity, { keyHash: hashApiKey(key) });
  }

  private encryptSecret(id: string, secret: string): string {
    if (!this.cipher) throw new Error('no DATA_KEY cipher: webhook secrets cannot be stored by this process');
    return this.cipher.encryptText(secret, webhookSecretContext(id));
  }
}

type KeyFields = Pick<
  ApiKeyEntity,
  'name' | 'dailyQuota' | 'totalQuota' | 'isTest' | 'allowedCardTypes' | 'expiresAt' | 'ipDenylist' | 'webhookUrl'
>;

function validated(input: CreateApiKeyInput): KeyFields {
  const name = input.name?.trim() ?? '';
  if (name.length < 1 || name.length > 200) throw new ApiKeyInputError('name must be 1-200 characters');
  // PostgreSQL text cannot hold U+0000: refused here (a 400 on the admin API) rather than failing the insert.
  if (name.includes('\u0000')) throw new ApiKeyInputError('name must not contain NUL characters');
  const quota = (value: number | null | undefined, field: string) => {
    if (value === undefined || value === null) return null;
    if (!Number.isInteger(value) || value < 0 || value > MAX_QUOTA) {
      throw new ApiKeyInputError(`${field} must be an integer from 0 to ${MAX_QUOTA}`);
    }
    return value;
  };
  const cardTypes = input.cardTypes ?? null;
  const unknown = cardTypes?.find((t) => !Number.isInteger(t) || !isCatalogued(t));
  if (unknown !== undefined) throw new ApiKeyInputError(`cardType ${unknown} is not in the catalogue`);
  if (input.expiresAt && Number.isNaN(input.expiresAt.getTime())) {
    throw new ApiKeyInputError('expiresAt must be a valid date');
  }
  const denylist = input.ipDenylist ?? [];
  const badIp = denylist.find((entry) => !isValidDenylistEntry(entry));
  if (badIp !== undefined) throw new ApiKeyInputError(`ipDenylist entry ${JSON.stringify(badIp)} is not an IP or CIDR`);
  const webhookUrl = input.webhookUrl ?? null;
  if (webhookUrl !== null && (!/^https?:\/\/\S+$/.test(webhookUrl) || webhookUrl.includes('\u0000'))) {
    throw new ApiKeyInputError('webhookUrl must be an http(s) URL');
  }
  return {
    name,
    dailyQuota: quota(input.dailyQuota, 'dailyQuota'),
    totalQuota: quota(input.totalQuota, 'totalQuota'),
    isTest: input.isTest ?? false,
    allowedCardTypes: cardTypes ? [...new Set(cardTypes)].sort((a, b) => a - b) : null,
    expiresAt: input.expiresAt ?? null,
    ipDenylist: denylist,
    webhookUrl,
  };
}

function toSummary(row: ApiKeyEntity): ApiKeySummary {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    status: row.status,
    expiresAt: row.expiresAt,
    isTest: row.isTest,
    dailyQuota: row.dailyQuota,
    totalQuota: row.totalQuota,
    allowedCardTypes: row.allowedCardTypes,
    ipDenylist: row.ipDenylist,
    webhookUrl: row.webhookUrl,
    hasWebhookSecret: row.webhookSecretEnc !== null,
    totalUsed: row.totalUsed,
    createdAt: row.createdAt,
  };
}
