import type { ProviderName } from '@zhengjian/config';
import type { RecognitionReport, RecognizeOptions } from '../recognition.types';

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
