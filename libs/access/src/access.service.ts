import { Inject, Injectable, Logger } from '@nestjs/common';
import { JuheErrorCode } from '@zhengjian/juhe';
import type { AccessPort, AuthorizedKey } from './access.port';
import { MAX_KEY_LENGTH } from './access.constants';
import { AccessDeniedError } from './access-denied.error';
import { isIpDenied } from './ip-denylist';
import { ApiKeyEntity } from './entities/api-key.entity';
import { IpRateLimiter } from './ip-rate.limiter';
import { KeyUsageService } from './key-usage.service';
import { ApiKeysService } from './keys/api-keys.service';

/**
 * The access guard's logic (`AccessPort`): every check that yields a system code 100xx, before anything is stored.
 * Refusals are `AccessDeniedError`s (a `JuheError` plus `apiKeyId`) whose `detail` names the rule, never the key.
 */
@Injectable()
export class AccessService implements AccessPort {
  private readonly logger = new Logger(AccessService.name);

  constructor(
    @Inject(ApiKeysService) private readonly keys: ApiKeysService,
    @Inject(IpRateLimiter) private readonly rateLimiter: IpRateLimiter,
    @Inject(KeyUsageService) private readonly usage: KeyUsageService,
  ) {}

  /**
   * Checks in the contract's order: 10011 IP over its rate (before the key lookup: unknown keys are limited too) ·
   * 10001 unknown key · 10009 disabled · 10003 expired · 10008 IP denied · 10002 cardType not allowed (skipped when
   * `cardType` is null) · 10013 test key over its limit · 10012 quota used up; then counts the request against the
   * quotas. The last three are read under the key row's lock (`KeyUsageService`).
   *
   * @param input.ip the client address (IPv4, IPv6 or IPv4-mapped IPv6).
   * @param input.identified the key as `identify` returned it for this request: its checks are not repeated.
   * @throws AccessDeniedError (a `JuheError`) with one of the codes above and the refused key's id.
   */
  async authorize(input: {
    key: string | undefined;
    ip: string;
    cardType: number | null;
    identified?: AuthorizedKey;
  }): Promise<AuthorizedKey> {
    const started = performance.now();
    try {
      await this.limitIp(input.ip, input.identified?.id ?? null);
      const key = input.identified ?? toAuthorizedKey(await this.checkKey(input));
      await this.usage.consume(key.id, input.cardType);
      this.logger.debug(`key ${key.id} authorised in ${Math.round(performance.now() - started)} ms`);
      return key;
    } catch (err) {
      if (err instanceof AccessDeniedError) {
        const ms = Math.round(performance.now() - started);
        this.logger.debug(`key ${err.apiKeyId ?? 'unknown'} refused with ${err.code} in ${ms} ms: ${err.detail ?? ''}`);
      }
      throw err;
    }
  }

  /**
   * Who is asking, spending no quota: 10001 unknown key · 10009 disabled · 10003 expired · 10008 IP denied.
   * For reads that must not spend quota (`GET /v1/recognitions/:orderid`) and for finding the owner of an
   * `Idempotency-Key` before a request is authorised. With `countIp`, the request is first counted against its
   * IP's rate (10011), as `authorize` does: a refused request must not escape the per-IP limit.
   *
   * @throws AccessDeniedError (a `JuheError`) with one of the codes above.
   */
  async identify(input: {
    key: string | undefined;
    ip: string;
    countIp?: boolean;
    identified?: AuthorizedKey;
  }): Promise<AuthorizedKey> {
    if (input.countIp) await this.limitIp(input.ip, input.identified?.id ?? null);
    return input.identified ?? toAuthorizedKey(await this.checkKey(input));
  }

  /** Counts one request of `ip`; 10011 past `IP_RATE_LIMIT_PER_MINUTE`. */
  private async limitIp(ip: string, apiKeyId: string | null): Promise<void> {
    if (!(await this.rateLimiter.hit(ip))) {
      throw new AccessDeniedError(JuheErrorCode.IpRateExceeded, apiKeyId, 'IP over its requests per minute');
    }
  }

  /** The checks of the key itself and the client's address, in the contract's order. */
  private async checkKey(input: { key: string | undefined; ip: string }): Promise<ApiKeyEntity> {
    const key = input.key?.trim();
    const row = key && key.length <= MAX_KEY_LENGTH ? await this.keys.findByPlaintext(key) : null;
    if (!row)
      throw new AccessDeniedError(JuheErrorCode.InvalidKey, null, key ? 'no key with this hash' : 'no key given');
    const refuse = (code: JuheErrorCode, detail: string) => new AccessDeniedError(code, row.id, detail);
    if (row.status !== 'active') throw refuse(JuheErrorCode.KeyForbidden, 'key is disabled');
    if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) {
      throw refuse(JuheErrorCode.KeyExpired, `key expired at ${row.expiresAt.toISOString()}`);
    }
    if (isIpDenied(input.ip, row.ipDenylist)) throw refuse(JuheErrorCode.IpForbidden, "IP in the key's deny list");
    return row;
  }
}

function toAuthorizedKey(row: ApiKeyEntity): AuthorizedKey {
  return { id: row.id, name: row.name, isTest: row.isTest };
}
