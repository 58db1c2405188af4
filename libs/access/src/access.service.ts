import { Inject, Injectable, Logger } from '@nestjs/common';
import { JuheError, JuheErrorCode } from '@zhengjian/juhe';
import type { AccessPort, AuthorizedKey } from '@zhengjian/orders';
import { MAX_KEY_LENGTH } from './access.constants';
import { isIpDenied } from './ip-denylist';
import { IpRateLimiter } from './ip-rate.limiter';
import { KeyUsageService } from './key-usage.service';
import { ApiKeysService } from './keys/api-keys.service';

/**
 * The access guard's logic (`AccessPort`): every check that yields a system code 100xx, before anything is stored.
 * Refusals are `JuheError`s whose `detail` (for logs and `error_events`) names the rule, never the key.
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
   * Checks in the contract's order: 10001 unknown key · 10009 disabled · 10003 expired · 10008 IP denied · 10011 IP
   * over its rate · 10002 cardType not allowed (skipped when `cardType` is null) · 10013 test key over its limit ·
   * 10012 quota used up; then counts the request against the quotas.
   *
   * @param input.ip the client address (IPv4, IPv6 or IPv4-mapped IPv6).
   * @throws JuheError with one of the codes above.
   */
  async authorize(input: { key: string | undefined; ip: string; cardType: number | null }): Promise<AuthorizedKey> {
    const started = performance.now();
    try {
      const key = input.key?.trim();
      const row = key && key.length <= MAX_KEY_LENGTH ? await this.keys.findByPlaintext(key) : null;
      if (!row) throw new JuheError(JuheErrorCode.InvalidKey, key ? 'no key with this hash' : 'no key given');
      if (row.status !== 'active') throw new JuheError(JuheErrorCode.KeyForbidden, `key ${row.id} is disabled`);
      if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) {
        throw new JuheError(JuheErrorCode.KeyExpired, `key ${row.id} expired at ${row.expiresAt.toISOString()}`);
      }
      if (isIpDenied(input.ip, row.ipDenylist)) {
        throw new JuheError(JuheErrorCode.IpForbidden, `IP in the deny list of key ${row.id}`);
      }
      if (!(await this.rateLimiter.hit(input.ip))) {
        throw new JuheError(JuheErrorCode.IpRateExceeded, 'IP over its requests per minute');
      }
      if (input.cardType !== null && row.allowedCardTypes && !row.allowedCardTypes.includes(input.cardType)) {
        throw new JuheError(JuheErrorCode.KeyNotPermitted, `cardType ${input.cardType} not allowed for key ${row.id}`);
      }
      await this.usage.consume(row.id);
      this.logger.debug(`key ${row.id} authorised in ${Math.round(performance.now() - started)} ms`);
      return { id: row.id, name: row.name, isTest: row.isTest };
    } catch (err) {
      if (err instanceof JuheError) {
        this.logger.debug(`refused ${err.code} in ${Math.round(performance.now() - started)} ms: ${err.detail ?? ''}`);
      }
      throw err;
    }
  }
}
