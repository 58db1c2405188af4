import { type FactoryProvider, Logger } from '@nestjs/common';
import { OcrEngine } from '@zhengjian/ocr';
import type { RecognitionService } from '@zhengjian/recognition';
// The local provider's wiring (every domain's recognizers over one OCR engine) is shared with the CLI.
import { createRecognitionService } from '../../../cli/src/recognition.factory';

/** Injection token of the local recognition engine (`RecognitionService`). */
export const RECOGNITION_ENGINE = Symbol('RecognitionEngine');

/** The engine, models loaded once per worker process at boot (before any job is taken). */
export const recognitionEngineProvider: FactoryProvider<RecognitionService> = {
  provide: RECOGNITION_ENGINE,
  useFactory: async () => {
    const started = performance.now();
    const engine = createRecognitionService(await OcrEngine.create());
    new Logger('RecognitionEngine').log(`OCR models loaded in ${Math.round(performance.now() - started)} ms`);
    return engine;
  },
};
