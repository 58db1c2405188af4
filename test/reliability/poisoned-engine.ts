/**
 * The local engine with two poisoned inputs, loaded by the worker's engine processes in the poisoned-image test: a PNG
 * 64 pixels wide makes it loop forever on the JS thread (what a stuck native call does to the thread), one 65 pixels
 * wide makes it throw. Every other image goes to the real engine (PaddleOCR models loaded as in production).
 */
import { createRecognitionService, type ChildEngine, type ChildEngineConfig } from '@zhengjian/engine';
import { OcrEngine } from '@zhengjian/ocr';

export const HANG_WIDTH = 64;
export const THROW_WIDTH = 65;

/** Width from a PNG's IHDR chunk (bytes 16-19, big-endian); 0 for anything else. */
function pngWidth(image: Buffer): number {
  return image.length > 24 && image.readUInt32BE(0) === 0x89504e47 ? image.readUInt32BE(16) : 0;
}

export async function createEngine(config: ChildEngineConfig): Promise<ChildEngine> {
  const real = createRecognitionService(await OcrEngine.create({ threads: config.threads }), config.limits);
  return {
    recognize(cardType, image, options) {
      const width = pngWidth(image);
      if (width === HANG_WIDTH) for (;;);
      if (width === THROW_WIDTH) throw new TypeError('poisoned image');
      return real.recognize(cardType, image, options);
    },
  };
}
