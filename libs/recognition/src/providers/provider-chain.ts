import { Logger } from '@nestjs/common';
import { JuheErrorCode, UpstreamUnavailableError } from '@zhengjian/juhe';
import { failedReport } from '../failed-report';
import type { RecognizeOptions } from '../recognition.types';
import type { RecognitionProviderMode } from '@zhengjian/config';
import type { ProvidedReport, RecognitionProvider } from './recognition-provider';

/** The providers a mode may use; only the ones the mode needs must be given. */
export interface ProviderSet {
  local?: RecognitionProvider;
  juhe?: RecognitionProvider;
}

/**
 * A primary provider and what happens when it cannot answer (it throws {@link UpstreamUnavailableError}, which
 * includes an open circuit): the fallback's report, or without a fallback a 215300 report (`网络错误,请稍后重试`,
 * unbilled) under the primary's name. Only unavailability falls back. Every report the primary returns is final,
 * including the 10014 that stands for an upstream account error (100xx): that is not an outage but a problem the
 * operator must fix (key, quota, payment), and answering from another engine would hide it from the operator's
 * error history and silently change the accuracy and card types clients get. Other thrown errors are bugs and
 * propagate (the API's filter answers 10014).
 */
export class ProviderChain implements RecognitionProvider {
  private readonly logger = new Logger(ProviderChain.name);

  constructor(
    private readonly primary: RecognitionProvider,
    private readonly fallback?: RecognitionProvider,
  ) {}

  /** The primary's name; each report carries the name of the provider that actually answered. */
  get name(): RecognitionProvider['name'] {
    return this.primary.name;
  }

  async recognize(cardType: number, image: Buffer, options?: RecognizeOptions): Promise<ProvidedReport> {
    const started = performance.now();
    try {
      return await this.primary.recognize(cardType, image, options);
    } catch (err) {
      if (!(err instanceof UpstreamUnavailableError)) throw err;
      const why = `${this.primary.name} unavailable: ${err.kind} after ${err.attempts} attempt(s)`;
      if (this.fallback) {
        this.logger.warn(`cardType=${cardType}: ${why}; answering from ${this.fallback.name}`);
        return await this.fallback.recognize(cardType, image, options);
      }
      this.logger.warn(`cardType=${cardType}: ${why}; answering 215300`);
      const totalMs = Math.round(performance.now() - started);
      const failure = { code: JuheErrorCode.NetworkError, detail: why };
      return { ...failedReport(cardType, failure, { decodeMs: 0, ocrMs: 0, totalMs }), provider: this.primary.name };
    }
  }
}

/**
 * The provider for `RECOGNITION_PROVIDER`: `local` → the local engine; `juhe` → the upstream, 215300 when it is
 * unavailable; `juhe-then-local` → the upstream, the local engine when it is unavailable (the report then says
 * `provider: 'local'`, which the order records).
 *
 * @throws Error when the mode needs a provider that is not in `providers` (a wiring mistake, at boot).
 */
export function createProvider(mode: RecognitionProviderMode, providers: ProviderSet): RecognitionProvider {
  const need = (name: keyof ProviderSet): RecognitionProvider => {
    const provider = providers[name];
    if (!provider) throw new Error(`RECOGNITION_PROVIDER=${mode} needs the ${name} provider`);
    return provider;
  };
  switch (mode) {
    case 'local':
      return need('local');
    case 'juhe':
      return new ProviderChain(need('juhe'));
    case 'juhe-then-local':
      return new ProviderChain(need('juhe'), need('local'));
  }
}
