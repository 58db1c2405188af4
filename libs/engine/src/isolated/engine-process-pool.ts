import { availableParallelism } from 'node:os';
import { Logger } from '@nestjs/common';
import { JuheErrorCode } from '@zhengjian/juhe';
import {
  type ProvidedReport,
  type RecognitionLimits,
  type RecognitionProvider,
  type RecognizeOptions,
  failedReport,
} from '@zhengjian/recognition';
import { EngineProcess, type EngineOutcome } from './engine-process';

/** Options of {@link EngineProcessPool.start}. */
export interface EngineProcessPoolOptions {
  /** Engine processes, i.e. recognitions that may run at once (the worker's `WORKER_CONCURRENCY`). */
  size: number;
  /** Longest one recognition may run, ms (`RECOGNITION_TIMEOUT_MS`); past it the process is killed: 215307. */
  timeoutMs: number;
  /** Replace a process after this many recognitions, once its job is done (`ENGINE_RECYCLE_AFTER_JOBS`); 0 = never. */
  recycleAfterJobs: number;
  limits?: RecognitionLimits;
  /** ONNX Runtime threads per process. Default: the cores (at most 4) shared out between the processes. */
  threads?: number;
  /** Absolute path of a module exporting `createEngine` to run instead of the local engine (tests, benchmarks). */
  engineModule?: string;
  /** How long a new process may take to load its models, ms. Default 180000. */
  readyTimeoutMs?: number;
}

/** Longest wait between two attempts to replace an engine process that failed to start, ms. */
const MAX_RESPAWN_DELAY_MS = 30_000;

/**
 * The local engine, isolated: each recognition runs in an engine process of its own (a forked Node process with the
 * models loaded), one job per process at a time, so the worker's event loop stays free and a poisoned image cannot
 * take the worker down.
 * - A recognition that runs past `timeoutMs` (a hang, in JS or in native code) gets its process killed: 215307
 *   (`图片上传发生错误`, unbilled), failure detail naming the limit. A process that dies mid-job (a native crash, the
 *   OOM killer) gives 215307 too. The engine throwing gives 10014 (an internal error: a bug, logged). None of these
 *   is retried: the same bytes would do the same again.
 * - After `recycleAfterJobs` recognitions a process is replaced once its job is finished; a killed or dead one is
 *   replaced at once. Jobs wait for a free process meanwhile; none is dropped.
 */
export class EngineProcessPool implements RecognitionProvider {
  readonly name = 'local' as const;
  private readonly logger = new Logger(EngineProcessPool.name);
  private readonly idle: EngineProcess[] = [];
  private readonly waiters: { resolve: (proc: EngineProcess) => void; reject: (err: Error) => void }[] = [];
  private readonly all = new Set<EngineProcess>();
  private closed = false;
  /** Processes started since the pool was created, the first ones included. */
  started = 0;

  private constructor(
    private readonly options: Required<Omit<EngineProcessPoolOptions, 'engineModule'>> &
      Pick<EngineProcessPoolOptions, 'engineModule'>,
  ) {}

  /** Starts `size` engine processes and resolves once all have loaded their engine. */
  static async start(options: EngineProcessPoolOptions): Promise<EngineProcessPool> {
    if (!(options.size >= 1)) throw new Error('an engine pool needs at least one process');
    const pool = new EngineProcessPool({
      limits: {},
      threads: Math.max(1, Math.floor(Math.min(4, availableParallelism()) / options.size)),
      readyTimeoutMs: 180_000,
      ...options,
    });
    try {
      const procs = await Promise.all(Array.from({ length: options.size }, () => pool.spawn()));
      for (const proc of procs) pool.release(proc);
    } catch (err) {
      await pool.close();
      throw err;
    }
    return pool;
  }

  async recognize(cardType: number, image: Buffer, options?: RecognizeOptions): Promise<ProvidedReport> {
    const proc = await this.acquire();
    const started = performance.now();
    let outcome: EngineOutcome;
    try {
      outcome = await proc.run(cardType, image, options, this.options.timeoutMs);
    } finally {
      this.release(proc);
    }
    const timings = { decodeMs: 0, ocrMs: 0, totalMs: Math.round(performance.now() - started) };
    switch (outcome.kind) {
      case 'report':
        return { ...outcome.report, provider: this.name };
      case 'timeout':
        this.logger.warn(`engine process ${proc.pid} killed: recognition over ${this.options.timeoutMs} ms`);
        return this.failed(
          cardType,
          JuheErrorCode.UploadError,
          `recognition exceeded ${this.options.timeoutMs} ms (RECOGNITION_TIMEOUT_MS)`,
          timings,
        );
      case 'died': {
        const how = outcome.signal ? `signal ${outcome.signal}` : `exit code ${outcome.code}`;
        this.logger.error(`engine process ${proc.pid} died during a recognition (${how})`);
        return this.failed(cardType, JuheErrorCode.UploadError, `the engine process died (${how})`, timings);
      }
      case 'threw':
        this.logger.error(`engine threw ${outcome.name}: ${outcome.message}`);
        return this.failed(cardType, JuheErrorCode.InternalError, `the engine threw ${outcome.name}`, timings);
    }
  }

  /** Stops every process (each finishes its job first, within 5 s) and refuses new recognitions. */
  async close(): Promise<void> {
    this.closed = true;
    this.idle.length = 0;
    for (const waiter of this.waiters.splice(0)) waiter.reject(new Error('the engine pool is closed'));
    await Promise.all([...this.all].map((proc) => proc.stop()));
  }

  /** The process ids of the running engine processes (metrics, tests). */
  pids(): number[] {
    return [...this.all].flatMap((p) => (p.alive && p.pid !== undefined ? [p.pid] : []));
  }

  private failed(cardType: number, code: JuheErrorCode, detail: string, timings: ProvidedReport['timings']) {
    return { ...failedReport(cardType, { code, detail }, timings), provider: this.name };
  }

  private acquire(): Promise<EngineProcess> {
    if (this.closed) return Promise.reject(new Error('the engine pool is closed'));
    const proc = this.idle.pop();
    if (proc) return Promise.resolve(proc);
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Back to work, or replaced when it is dead or has done its share (`recycleAfterJobs`). */
  private release(proc: EngineProcess): void {
    if (this.closed) return;
    const recycle = this.options.recycleAfterJobs > 0 && proc.jobs >= this.options.recycleAfterJobs;
    if (proc.alive && !recycle) {
      this.handOut(proc);
      return;
    }
    if (recycle && proc.alive) this.logger.log(`recycling engine process ${proc.pid} after ${proc.jobs} recognitions`);
    this.all.delete(proc);
    void proc.stop();
    void this.replace(1_000);
  }

  private handOut(proc: EngineProcess): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve(proc);
    else this.idle.push(proc);
  }

  private async replace(delayMs: number): Promise<void> {
    try {
      const proc = await this.spawn();
      if (this.closed) await proc.stop();
      else this.handOut(proc);
    } catch (err) {
      if (this.closed) return;
      this.logger.error(`could not start an engine process (retrying in ${delayMs} ms): ${(err as Error).message}`);
      setTimeout(() => void this.replace(Math.min(MAX_RESPAWN_DELAY_MS, delayMs * 2)), delayMs).unref();
    }
  }

  private async spawn(): Promise<EngineProcess> {
    const { limits, threads, engineModule, readyTimeoutMs } = this.options;
    const proc = await EngineProcess.start({ limits, threads, engineModule }, readyTimeoutMs);
    this.started++;
    if (this.closed) {
      await proc.stop();
      throw new Error('the engine pool is closed');
    }
    this.all.add(proc);
    return proc;
  }
}
