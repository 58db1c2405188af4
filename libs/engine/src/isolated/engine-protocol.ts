import type { RecognitionLimits, RecognitionReport, RecognizeOptions } from '@zhengjian/recognition';

/** What an engine process runs: the local `RecognitionService`, or an injected stand-in (tests, benchmarks). */
export interface ChildEngine {
  recognize(cardType: number, image: Buffer, options?: RecognizeOptions): Promise<RecognitionReport>;
}

/**
 * A module an engine process may load instead of the local engine: it exports `createEngine`. The path is resolved
 * by the engine process (`require`), so it must be absolute.
 */
export interface ChildEngineModule {
  createEngine(config: ChildEngineConfig): Promise<ChildEngine> | ChildEngine;
}

/** What the pool tells a new engine process (environment variable `ZHENGJIAN_ENGINE_CONFIG`, JSON). */
export interface ChildEngineConfig {
  limits: RecognitionLimits;
  /** ONNX Runtime intra-op threads of this process's OCR engine. */
  threads: number;
  /** Absolute path of a {@link ChildEngineModule}; absent: the local engine. */
  engineModule?: string;
}

export const CHILD_CONFIG_ENV = 'ZHENGJIAN_ENGINE_CONFIG';

/** Parent → engine process. */
export type ToChild =
  { type: 'recognize'; id: number; cardType: number; image: Uint8Array; options?: RecognizeOptions } | { type: 'exit' };

/** Engine process → parent. */
export type FromChild =
  | { type: 'ready' }
  | { type: 'report'; id: number; report: RecognitionReport }
  | { type: 'threw'; id: number; name: string; message: string };
