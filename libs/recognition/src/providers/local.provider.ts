import type { RecognitionService } from '../recognition.service';
import type { RecognizeOptions } from '../recognition.types';
import type { ProvidedReport, RecognitionProvider } from './recognition-provider';

/** The embedded engine (PaddleOCR on ONNX Runtime + the domain recognizers) as a provider. */
export class LocalProvider implements RecognitionProvider {
  readonly name = 'local' as const;

  constructor(private readonly service: RecognitionService) {}

  async recognize(cardType: number, image: Buffer, options?: RecognizeOptions): Promise<ProvidedReport> {
    return { ...(await this.service.recognize(cardType, image, options)), provider: this.name };
  }
}
