import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, CONFIG_DEFAULTS } from '@zhengjian/config';
import { JuheErrorCode } from '@zhengjian/juhe';
import { DataSource } from 'typeorm';
import { AccessDeniedError } from './access-denied.error';

interface LockedKey {
  is_test: boolean;
  allowed_card_types: number[] | null;
  total_used: number;
  total_quota: number | null;
  daily_quota: number | null;
}

/**
 * Counts authorised requests against a key's limits in Postgres, exactly: the key row is locked (`FOR UPDATE`) while
 * the counts are read and incremented, so concurrent requests of one key (on any number of api processes) queue
 * there and never overshoot a quota. Daily counts live in `api_key_usage`, one row per key and calendar day in
 * `QUOTA_TIME_ZONE` (default Asia/Shanghai, Juhe's reset time).
 */
@Injectable()
export class KeyUsageService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Counts one request of key `apiKeyId` when the key is within its limits, checked in the contract's order.
   *
   * @param cardType the requested cardType, checked against the key's allowed card types (null: not checked).
   * @throws AccessDeniedError 10002 when the key may not use `cardType`; 10013 when a test key made `TEST_KEY_LIMIT` requests; 10012 when the total or daily quota is
   *   used up. Nothing is counted then.
   */
  async consume(apiKeyId: string, cardType: number | null = null): Promise<void> {
    const timeZone = this.config.quotaTimeZone ?? CONFIG_DEFAULTS.quotaTimeZone;
    const refuse = (code: JuheErrorCode, detail: string) => new AccessDeniedError(code, apiKeyId, detail);
    await this.dataSource.transaction(async (m) => {
      const [key] = (await m.query(
        `SELECT is_test, allowed_card_types, total_used, total_quota, daily_quota FROM api_keys
          WHERE id = $1 FOR UPDATE`,
        [apiKeyId],
      )) as LockedKey[];
      if (!key) throw refuse(JuheErrorCode.InvalidKey, 'key vanished while counting');
      if (cardType !== null && key.allowed_card_types && !key.allowed_card_types.includes(cardType)) {
        throw refuse(JuheErrorCode.KeyNotPermitted, `cardType ${cardType} not allowed for this key`);
      }
      if (key.is_test && key.total_used >= this.config.testKeyLimit) {
        throw refuse(JuheErrorCode.TestKeyLimitExceeded, `test key used its ${this.config.testKeyLimit} requests`);
      }
      if (key.total_quota !== null && key.total_used >= key.total_quota) {
        throw refuse(JuheErrorCode.RequestLimitExceeded, `total quota of ${key.total_quota} used up`);
      }
      if (key.daily_quota !== null) {
        // A separate statement after the lock: under READ COMMITTED it sees every increment committed before us.
        const [today] = (await m.query(
          'SELECT used FROM api_key_usage WHERE api_key_id = $1 AND day = (now() AT TIME ZONE $2)::date',
          [apiKeyId, timeZone],
        )) as { used: number }[];
        if ((today?.used ?? 0) >= key.daily_quota) {
          throw refuse(JuheErrorCode.RequestLimitExceeded, `daily quota of ${key.daily_quota} used up`);
        }
      }
      await m.query(
        `WITH total AS (UPDATE api_keys SET total_used = total_used + 1 WHERE id = $1)
         INSERT INTO api_key_usage (api_key_id, day, used) VALUES ($1, (now() AT TIME ZONE $2)::date, 1)
         ON CONFLICT (api_key_id, day) DO UPDATE SET used = api_key_usage.used + 1`,
        [apiKeyId, timeZone],
      );
    });
  }
}
