import type { LookupAddress, LookupOptions } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import { isPrivateAddress } from './private-address';

/** Longest callback URL accepted (what browsers and proxies reliably carry). */
export const MAX_WEBHOOK_URL_LENGTH = 2048;

export type UrlCheck = { ok: true; url: URL } | { ok: false; problem: string };

/** Node's `lookup` option of `http.request` (callback style), as `guardedLookup` provides it. */
export type LookupFunction = (
  hostname: string,
  options: LookupOptions,
  callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
) => void;

/**
 * Which webhook targets may be called. A URL must be `http:` or `https:`, without credentials, not on port 0, at
 * most 2048 characters; unless `WEBHOOK_ALLOW_PRIVATE=true`, every address its host resolves to must be public
 * (`isPrivateAddress`). The check runs when a `callbackUrl` is accepted and again on every attempt, inside the
 * connection's DNS lookup, so a name re-pointed at an internal address after acceptance (DNS rebinding) is refused.
 */
@Injectable()
export class WebhookUrlPolicy {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Syntax, then (unless private targets are allowed) the host's addresses. Never throws.
   * @param options.allowUnresolved a host name that does not resolve now passes (a key's default `webhookUrl` is
   *   configured ahead of its DNS; every delivery checks again when it connects).
   */
  async check(raw: string, options: { allowUnresolved?: boolean } = {}): Promise<UrlCheck> {
    const parsed = parseWebhookUrl(raw);
    if (!parsed.ok || this.config.webhookAllowPrivate) return parsed;
    const host = parsed.url.hostname.replace(/^\[|\]$/g, '');
    let addresses: string[];
    try {
      addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      if (options.allowUnresolved) return parsed;
      return { ok: false, problem: `host ${host} does not resolve` };
    }
    if (addresses.length === 0 || addresses.some(isPrivateAddress)) {
      return { ok: false, problem: `host ${host} is a private, loopback or link-local address` };
    }
    return parsed;
  }

  /** Whether an IP-literal host may be connected to (a lookup is never made for those). */
  allowsAddress(ip: string): boolean {
    return this.config.webhookAllowPrivate || !isPrivateAddress(ip);
  }

  /** A `lookup` for `http.request` that fails when the host resolves to a refused address. */
  readonly guardedLookup: LookupFunction = (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }).then(
      (found) => {
        const refused = found.find((a) => !this.allowsAddress(a.address));
        if (refused || found.length === 0) {
          const err: NodeJS.ErrnoException = new Error(`${hostname} resolves to a refused address`);
          err.code = 'EWEBHOOKPRIVATE';
          callback(err, []);
          return;
        }
        if (options.all) callback(null, found);
        else callback(null, found[0].address, found[0].family);
      },
      (err: NodeJS.ErrnoException) => callback(err, []),
    );
  };
}

/** The syntax rules alone (no DNS): scheme, no credentials, length, a host, a port other than 0. */
export function parseWebhookUrl(raw: string): UrlCheck {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH) return { ok: false, problem: `longer than ${MAX_WEBHOOK_URL_LENGTH}` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, problem: 'not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, problem: 'must be http or https' };
  if (url.username || url.password) return { ok: false, problem: 'must not carry credentials' };
  if (!url.hostname) return { ok: false, problem: 'has no host' };
  if (url.port === '0') return { ok: false, problem: 'port 0 cannot be called' };
  return { ok: true, url };
}
