import { setTimeout as sleep } from 'node:timers/promises';
import { HttpService } from '@nestjs/axios';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { isAxiosError } from 'axios';
import { firstValueFrom } from 'rxjs';
import type { JuheEnvelope } from '../envelope';
import { type UpstreamFailure, UpstreamUnavailableError } from './upstream.errors';
import { parseUpstreamEnvelope, uploadName } from './upstream-wire';

/** Nest injection token of {@link JuheUpstreamOptions}. */
export const JUHE_UPSTREAM_OPTIONS = 'JUHE_UPSTREAM_OPTIONS';
/** Juhe's public host (seed document, "接口地址"). */
export const DEFAULT_JUHE_BASE_URL = 'http://v.juhe.cn';

/** `multipart`: POST /certificates/query with a `pic` file. `base64`: POST /certificates/queryBase64, urlencoded. */
export type JuheTransport = 'multipart' | 'base64';

export interface JuheUpstreamOptions {
  /** The operator's own Juhe appkey (`JUHE_APPKEY`). Sent in the body only, never in the URL, never logged. */
  appKey: string;
  /** `JUHE_BASE_URL`, default {@link DEFAULT_JUHE_BASE_URL}; a trailing slash is ignored. */
  baseUrl?: string;
  /** Deadline of one attempt, whole response included, in ms. Default 10000. */
  timeoutMs?: number;
  /** Extra attempts after the first, for timeouts, connection errors, 5xx, 408 and 429. Default 2. */
  retries?: number;
  /** Delay before retry n (1-based) is `backoffBaseMs × 2^(n−1)` ms. Default 200 (200, 400, 800…). */
  backoffBaseMs?: number;
  /** Default `multipart`. */
  transport?: JuheTransport;
}

/** What a provider needs from the upstream; {@link JuheUpstreamClient} is the HTTP implementation. */
export interface JuheUpstream {
  query(cardType: number, image: Buffer, mime?: string): Promise<JuheEnvelope<Record<string, string>>>;
}

type Attempt =
  | { ok: true; envelope: JuheEnvelope<Record<string, string>> }
  | { ok: false; retryable: boolean; failure: Omit<UpstreamFailure, 'attempts'> };

/**
 * Forwards one image to Juhe's 证件识别 API with the operator's appkey and returns the envelope Juhe answered.
 *
 * Any HTTP 200 envelope is returned as it is, whatever its error_code, and never retried: Juhe bills 0 and 215305,
 * so a second call would bill twice. Timeouts, connection errors and HTTP 5xx/408/429 are retried with exponential
 * backoff; then {@link UpstreamUnavailableError} is thrown. Other statuses and non-envelope bodies throw at once.
 * Logs carry the host, cardType, error_code, duration and attempt only: never the image, the result or the key.
 */
@Injectable()
export class JuheUpstreamClient implements JuheUpstream {
  private readonly logger = new Logger(JuheUpstreamClient.name);
  private readonly options: Required<JuheUpstreamOptions>;
  private readonly host: string;

  constructor(
    @Inject(HttpService) private readonly http: HttpService,
    @Inject(JUHE_UPSTREAM_OPTIONS) options: JuheUpstreamOptions,
  ) {
    if (!options.appKey) throw new Error('JUHE_APPKEY is required for the juhe provider');
    this.options = {
      appKey: options.appKey,
      baseUrl: (options.baseUrl || DEFAULT_JUHE_BASE_URL).replace(/(?<!\/)\/+$/, ''),
      timeoutMs: positive('timeoutMs', options.timeoutMs ?? 10_000),
      retries: positive('retries', options.retries ?? 2, true),
      backoffBaseMs: positive('backoffBaseMs', options.backoffBaseMs ?? 200, true),
      transport: options.transport ?? 'multipart',
    };
    this.host = new URL(this.options.baseUrl).host;
  }

  /**
   * @param cardType forwarded as is (the caller validated it against the catalogue).
   * @param image the raw image bytes (≤ 3 MB by the contract; the caller checked).
   * @param mime content type of the `pic` part; sniffed from the bytes when absent.
   * @throws UpstreamUnavailableError when no envelope could be obtained.
   */
  async query(cardType: number, image: Buffer, mime?: string): Promise<JuheEnvelope<Record<string, string>>> {
    const { path, body } = this.request(cardType, image, mime);
    const attempts = this.options.retries + 1;
    let last: Omit<UpstreamFailure, 'attempts'> = { kind: 'connection' };
    let made = 0;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) await sleep(this.options.backoffBaseMs * 2 ** (attempt - 2));
      const started = performance.now();
      const outcome = await this.attempt(path, body);
      const ms = Math.round(performance.now() - started);
      made = attempt;
      if (outcome.ok) {
        const code = outcome.envelope.error_code;
        this.logger.log(`${this.host} cardType=${cardType} error_code=${code} ${ms}ms attempt=${attempt}`);
        return outcome.envelope;
      }
      last = outcome.failure;
      const what = last.status !== undefined ? `HTTP ${last.status}` : (last.errorCode ?? last.kind);
      this.logger.warn(`${this.host} cardType=${cardType} ${last.kind} (${what}) ${ms}ms attempt=${attempt}`);
      if (!outcome.retryable) break;
    }
    throw new UpstreamUnavailableError({ ...last, attempts: made });
  }

  private request(cardType: number, image: Buffer, mime?: string): { path: string; body: FormData | URLSearchParams } {
    const { appKey: key, transport } = this.options;
    if (transport === 'base64') {
      // Juhe wants the bare Base64 text, without a `data:image/…;base64,` prefix (seed, parameter `base64`).
      const body = new URLSearchParams({ key, cardType: String(cardType), base64: image.toString('base64') });
      return { path: '/certificates/queryBase64', body };
    }
    const upload = uploadName(image, mime);
    const body = new FormData();
    body.set('key', key);
    body.set('cardType', String(cardType));
    body.set('pic', new Blob([new Uint8Array(image)], { type: upload.mime }), upload.filename);
    return { path: '/certificates/query', body };
  }

  private async attempt(path: string, body: FormData | URLSearchParams): Promise<Attempt> {
    // axios' own `timeout` is a socket-idle timer; the signal bounds the whole exchange, slow trickles included.
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    try {
      const response = await firstValueFrom(
        this.http.post<unknown>(`${this.options.baseUrl}${path}`, body, {
          timeout: this.options.timeoutMs,
          signal,
          validateStatus: () => true,
          maxRedirects: 0,
          transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: true },
        }),
      );
      if (response.status !== 200) {
        const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
        return { ok: false, retryable, failure: { kind: 'http_status', status: response.status } };
      }
      const envelope = parseUpstreamEnvelope(response.data);
      if (envelope) return { ok: true, envelope };
      // Not retried: the upstream may have processed (and billed) the call even though the body is unreadable.
      return { ok: false, retryable: false, failure: { kind: 'invalid_response', status: 200 } };
    } catch (err) {
      if (!isAxiosError(err)) throw err;
      const timedOut = signal.aborted || err.code === 'ETIMEDOUT' || err.code === 'ECONNABORTED';
      const failure = { kind: timedOut ? 'timeout' : 'connection', errorCode: err.code ?? 'EUNKNOWN' } as const;
      return { ok: false, retryable: true, failure };
    }
  }
}

function positive(name: string, value: number, zeroAllowed = false): number {
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !zeroAllowed)) {
    throw new RangeError(`Juhe upstream option ${name} must be a ${zeroAllowed ? 'non-negative' : 'positive'} number`);
  }
  return value;
}
