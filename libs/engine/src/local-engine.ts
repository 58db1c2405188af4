import { identityRecognizers } from '@zhengjian/identity';
import { OcrEngine, type OcrEngineOptions } from '@zhengjian/ocr';
import {
  LocalProvider,
  type OcrReader,
  type RecognitionLimits,
  RecognitionService,
  RecognizerRegistry,
} from '@zhengjian/recognition';

/**
 * The embedded engine, wired: every domain library's recognizers over one OCR reader. This is the one place that
 * knows all domain libraries (recognition cannot import them: they depend on it).
 */
export function createRecognitionService(ocr: OcrReader, limits?: RecognitionLimits): RecognitionService {
  return new RecognitionService(ocr, createRegistry(), limits);
}

/** Every domain library's recognizers, by cardType. */
export function createRegistry(): RecognizerRegistry {
  return new RecognizerRegistry([...identityRecognizers()]);
}

/** The cardTypes the local engine recognizes, ascending (benchmarks cover exactly these). */
export function supportedCardTypes(): number[] {
  return createRegistry().supported();
}

/** Loads the PP-OCRv4 models once and returns the local provider (the default `RECOGNITION_PROVIDER=local`). */
export async function createLocalProvider(
  options?: OcrEngineOptions,
  limits?: RecognitionLimits,
): Promise<LocalProvider> {
  return new LocalProvider(createRecognitionService(await OcrEngine.create(options), limits));
}
