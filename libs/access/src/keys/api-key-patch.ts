import { isCatalogued } from '@zhengjian/juhe';
import { ApiKeyInputError } from '../api-key-input.error';
import type { ApiKeyEntity } from '../entities/api-key.entity';
import { isValidDenylistEntry } from '../ip-denylist';
import type { UpdateApiKeyInput } from './api-key.types';

/** Largest quota Postgres `integer` holds. */
export const MAX_QUOTA = 2_147_483_647;

/** The columns an update may change. */
export type ApiKeyPatch = Partial<
  Pick<
    ApiKeyEntity,
    'name' | 'dailyQuota' | 'totalQuota' | 'expiresAt' | 'allowedCardTypes' | 'ipDenylist' | 'webhookUrl'
  >
>;

/**
 * Validates an update with the same rules as `create` and returns the columns to write (only the fields present).
 *
 * @throws ApiKeyInputError naming the first bad field.
 */
export function validatedPatch(input: UpdateApiKeyInput): ApiKeyPatch {
  const patch: ApiKeyPatch = {};
  if (input.name !== undefined) {
    const name = input.name.trim();
    if (name.length < 1 || name.length > 200) throw new ApiKeyInputError('name must be 1-200 characters');
    // PostgreSQL text cannot hold U+0000: refused here (a 400 on the admin API) rather than failing the update.
    if (name.includes('\u0000')) throw new ApiKeyInputError('name must not contain NUL characters');
    patch.name = name;
  }
  if (input.dailyQuota !== undefined) patch.dailyQuota = quota(input.dailyQuota, 'dailyQuota');
  if (input.totalQuota !== undefined) patch.totalQuota = quota(input.totalQuota, 'totalQuota');
  if (input.expiresAt !== undefined) {
    if (input.expiresAt !== null && Number.isNaN(input.expiresAt.getTime())) {
      throw new ApiKeyInputError('expiresAt must be a valid date');
    }
    patch.expiresAt = input.expiresAt;
  }
  if (input.allowedCardTypes !== undefined) {
    const types = input.allowedCardTypes;
    const unknown = types?.find((t) => !Number.isInteger(t) || !isCatalogued(t));
    if (unknown !== undefined) throw new ApiKeyInputError(`cardType ${unknown} is not in the catalogue`);
    patch.allowedCardTypes = types ? [...new Set(types)].sort((a, b) => a - b) : null;
  }
  if (input.ipDenylist !== undefined) {
    const bad = input.ipDenylist.find((entry) => !isValidDenylistEntry(entry));
    if (bad !== undefined) throw new ApiKeyInputError(`ipDenylist entry ${JSON.stringify(bad)} is not an IP or CIDR`);
    patch.ipDenylist = [...new Set(input.ipDenylist)];
  }
  if (input.webhookUrl !== undefined) {
    if (
      input.webhookUrl !== null &&
      (!/^https?:\/\/\S+$/.test(input.webhookUrl) || input.webhookUrl.includes('\u0000'))
    ) {
      throw new ApiKeyInputError('webhookUrl must be an http(s) URL');
    }
    patch.webhookUrl = input.webhookUrl;
  }
  return patch;
}

function quota(value: number | null, field: string): number | null {
  if (value === null) return null;
  if (!Number.isInteger(value) || value < 0 || value > MAX_QUOTA) {
    throw new ApiKeyInputError(`${field} must be an integer from 0 to ${MAX_QUOTA}`);
  }
  return value;
}
