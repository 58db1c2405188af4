import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import { WebhookUrlPolicy } from './webhook-url.policy';

/** What one POST came to. `statusCode` null: no HTTP answer (refused, DNS, timeout). */
export interface WebhookHttpResult {
  statusCode: number | null;
  durationMs: number;
  /** Why it is not delivered, for `webhook_deliveries.error`; null on 2xx. */
  error: string | null;
  /** The target is refused by the policy: retrying cannot help. */
  refused: boolean;
}

/** Bytes of the receiver's answer read (then dropped): enough to finish the exchange, never stored. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POSTs one delivery with Node's `http`/`https`: `WEBHOOK_TIMEOUT_MS` for the whole exchange, the policy's guarded
 * DNS lookup (a host re-pointed at a private address is refused at connect time), and redirects never followed (a
 * 3xx is a failed attempt: following one could lead to an internal address the URL check never saw).
 */
@Injectable()
export class WebhookHttpClient {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WebhookUrlPolicy) private readonly policy: WebhookUrlPolicy,
  ) {}

  post(url: string, headers: Record<string, string>, body: string): Promise<WebhookHttpResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const target = new URL(url);
    const host = target.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !this.policy.allowsAddress(host)) {
      return Promise.resolve({ statusCode: null, durationMs: 0, error: 'private address refused', refused: true });
    }
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      const req = send(target, {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: this.policy.guardedLookup,
        signal: AbortSignal.timeout(this.config.webhookTimeoutMs),
      });
      req.on('response', (res) => {
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) res.destroy();
        });
        const done = () => {
          const code = res.statusCode ?? 0;
          const ok = code >= 200 && code < 300;
          resolve({ statusCode: code, durationMs: elapsed(), error: ok ? null : `HTTP ${code}`, refused: false });
        };
        res.on('end', done);
        res.on('close', done);
        res.on('error', done);
      });
      req.on('error', (err: NodeJS.ErrnoException) => {
        const refused = err.code === 'EWEBHOOKPRIVATE';
        const timedOut = err.name === 'AbortError' || err.name === 'TimeoutError';
        const error = timedOut ? `timeout after ${this.config.webhookTimeoutMs} ms` : (err.code ?? err.message);
        resolve({
          statusCode: null,
          durationMs: elapsed(),
          error: refused ? 'private address refused' : error,
          refused,
        });
      });
      req.end(body);
    });
  }
}
