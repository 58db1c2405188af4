import type { RecognitionReport, RecognizeOptions } from '../recognition.types';

/** Which engine answered an order; recorded on the order (`orders.provider`). */
export type ProviderName = 'local' | 'juhe';

/** A report plus the provider that produced it. */
export interface ProvidedReport extends RecognitionReport {
  provider: ProviderName;
}

/**
 * Something that turns (cardType, image bytes) into a Juhe-shaped report: the local engine, or the real Juhe
 * upstream with the operator's appkey. Expected failures (2153xx) are reports; a thrown error means "this provider
 * could not answer" (network, upstream 5xx after retries, circuit open) and lets a fallback chain try the next one.
 */
export interface RecognitionProvider {
  readonly name: ProviderName;
  recognize(cardType: number, image: Buffer, options?: RecognizeOptions): Promise<ProvidedReport>;
}

/** `RECOGNITION_PROVIDER`: `local` (default), `juhe`, or `juhe-then-local` (local when the upstream is down). */
export type ProviderMode = 'local' | 'juhe' | 'juhe-then-local';
