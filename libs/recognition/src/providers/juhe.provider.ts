import { Logger } from '@nestjs/common';
import {
  CircuitBreaker,
  type JuheEnvelope,
  JuheError,
  JuheErrorCode,
  type JuheUpstream,
  UpstreamUnavailableError,
  isCatalogued,
} from '@zhengjian/juhe';
import { failedReport } from '../failed-report';
import type { RecognizeOptions } from '../recognition.types';
import { mapUpstreamEnvelope } from './juhe-envelope.mapper';
import type { ProvidedReport, RecognitionProvider } from './recognition-provider';

/**
 * The real Juhe 证件识别 API, called with the operator's appkey, as a provider (issue 4 item 7).
 *
 * Every call goes through the circuit breaker. Upstream envelopes become reports (`mapUpstreamEnvelope`: fields
 * restricted to our catalogue's keys, 2153xx passed through, 100xx account errors → 10014 plus a warning for the
 * operator). An upstream that cannot answer (timeouts, connection errors, 5xx after the client's retries, an
 * upstream 215300, circuit open) throws {@link UpstreamUnavailableError} so a provider chain can fall back.
 * The opt-in `detail` option is ignored: Juhe has no per-field confidence or boxes to give.
 */
export class JuheProvider implements RecognitionProvider {
  readonly name = 'juhe' as const;
  private readonly logger = new Logger(JuheProvider.name);

  /**
   * @param upstream the HTTP client (`JuheUpstreamClient`) or a test double.
   * @param breaker shared by every call of this provider; default: 5 consecutive outages, 30 s cool-down.
   */
  constructor(
    private readonly upstream: JuheUpstream,
    private readonly breaker: CircuitBreaker = new CircuitBreaker(),
  ) {}

  /**
   * @param image raw bytes, forwarded untouched (Juhe does its own decoding and size checks).
   * @throws UpstreamUnavailableError (or its `CircuitOpenError`) when the upstream could not answer.
   */
  async recognize(cardType: number, image: Buffer, _options?: RecognizeOptions): Promise<ProvidedReport> {
    const started = performance.now();
    const timings = () => ({ decodeMs: 0, ocrMs: 0, totalMs: Math.round(performance.now() - started) });
    if (!isCatalogued(cardType)) {
      // Not worth an upstream round trip: Juhe would answer 215303 too, and buildResult needs a catalogued type.
      return { ...failedReport(cardType, JuheError.unknownCardType(cardType), timings()), provider: this.name };
    }
    const envelope = await this.breaker.execute(() => this.query(cardType, image));
    const mapped = mapUpstreamEnvelope(cardType, envelope);
    if (mapped.operatorWarning) {
      this.logger.warn(`cardType=${cardType}: ${mapped.operatorWarning}; check the operator's Juhe account`);
    }
    if (mapped.droppedKeys.length > 0) {
      this.logger.debug(`cardType=${cardType}: dropped upstream keys ${mapped.droppedKeys.join(',')}`);
    }
    return { ...mapped.report, timings: timings(), provider: this.name };
  }

  private async query(cardType: number, image: Buffer): Promise<JuheEnvelope<Record<string, string>>> {
    const envelope = await this.upstream.query(cardType, image);
    // Juhe's own 215300 ("network error, retry") is unbilled and says it could not answer: treat it as an outage,
    // inside the breaker so it counts, and so that juhe-then-local falls back.
    if (envelope.error_code === JuheErrorCode.NetworkError) {
      throw new UpstreamUnavailableError({ kind: 'upstream_network_error', attempts: 1 });
    }
    return envelope;
  }
}
