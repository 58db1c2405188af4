import { OcrEngine } from '@zhengjian/ocr';
import type { RecognitionService } from '@zhengjian/recognition';
import sharp from 'sharp';
import { createRecognitionService } from '@zhengjian/engine';

let shared: Promise<RecognitionService> | undefined;

/** One local recognition service per jest worker: the models load once for all the tests of a file. */
export function localService(): Promise<RecognitionService> {
  shared ??= OcrEngine.create().then((engine) => createRecognitionService(engine));
  return shared;
}

/** The fields of `result` restricted to the keys of `expected`, for exact comparison. */
export function pick(result: Record<string, string> | null, expected: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(expected).map((key) => [key, result?.[key] ?? '<missing>']));
}

/** Decodes a Base64 JPEG and returns its size; throws when it is not a decodable JPEG. */
export async function jpegSize(base64: string): Promise<{ width: number; height: number }> {
  const meta = await sharp(Buffer.from(base64, 'base64')).metadata();
  if (meta.format !== 'jpeg' || !meta.width || !meta.height) throw new Error(`not a JPEG: ${meta.format}`);
  return { width: meta.width, height: meta.height };
}

export { editDistance } from '@zhengjian/recognition';
