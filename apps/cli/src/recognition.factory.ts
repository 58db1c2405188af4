import { identityRecognizers } from '@zhengjian/identity';
import { type OcrReader, RecognitionService, RecognizerRegistry } from '@zhengjian/recognition';

/** The local provider: every domain library's recognizers over one OCR engine. */
export function createRecognitionService(ocr: OcrReader): RecognitionService {
  return new RecognitionService(ocr, new RecognizerRegistry([...identityRecognizers()]));
}
