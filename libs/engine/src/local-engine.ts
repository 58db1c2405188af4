import { identityRecognizers } from '@zhengjian/identity';
import { PlateRecognizer } from '@zhengjian/vehicle';
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
  return new RecognitionService(ocr, new RecognizerRegistry([...identityRecognizers(), new PlateRecognizer()]), limits);
}

/** Loads the PP-OCRv4 models once and returns the local provider (the default `RECOGNITION_PROVIDER=local`). */
export async function createLocalProvider(
  options?: OcrEngineOptions,
  limits?: RecognitionLimits,
): Promise<LocalProvider> {
  return new LocalProvider(createRecognitionService(await OcrEngine.create(options), limits));
}
