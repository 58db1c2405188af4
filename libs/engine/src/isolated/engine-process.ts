import { type ChildProcess, fork } from 'node:child_process';
import { extname, join } from 'node:path';
import type { RecognitionReport, RecognizeOptions } from '@zhengjian/recognition';
import { CHILD_CONFIG_ENV, type ChildEngineConfig, type FromChild, type ToChild } from './engine-protocol';

/** How one recognition in an engine process ended. */
export type EngineOutcome =
  | { kind: 'report'; report: RecognitionReport }
  | { kind: 'threw'; name: string; message: string }
  | { kind: 'timeout' }
  | { kind: 'died'; code: number | null; signal: NodeJS.Signals | null };

// Compiled: engine-child.js beside this file. From sources (tsx, ts-jest): the .ts file, loaded through tsx.
const CHILD_ENTRY = join(__dirname, `engine-child${extname(__filename)}`);
const CHILD_EXEC_ARGV = extname(__filename) === '.ts' ? ['--import', 'tsx'] : [];

/**
 * One engine process: forked, models loaded (`ready`), then one recognition at a time. A recognition that outlives
 * its time limit gets the process killed (SIGKILL: a loop in native code cannot be interrupted any other way); a
 * process that dies mid-job ends that job as `died`. Either way the process is unusable afterwards (`alive` false).
 */
export class EngineProcess {
  /** Recognitions started in this process. */
  jobs = 0;
  private readonly child: ChildProcess;
  private readonly exited: Promise<void>;
  private nextId = 1;
  private pending: { id: number; settle: (outcome: EngineOutcome) => void } | undefined;
  private dead = false;
  private killed = false;

  private constructor(config: ChildEngineConfig) {
    this.child = fork(CHILD_ENTRY, [], {
      execArgv: CHILD_EXEC_ARGV,
      serialization: 'advanced',
      env: { ...process.env, [CHILD_CONFIG_ENV]: JSON.stringify(config) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => {
        this.dead = true;
        this.pending?.settle({ kind: 'died', code, signal });
        resolve();
      }),
    );
    this.child.on('message', (message: FromChild) => this.onMessage(message));
    // A failed send (channel closed) surfaces as the exit above.
    this.child.on('error', () => undefined);
  }

  /**
   * Forks an engine process and waits until its engine is loaded.
   * @throws Error when the process exits before it is ready (e.g. a model file missing) or takes over `readyTimeoutMs`.
   */
  static async start(config: ChildEngineConfig, readyTimeoutMs: number): Promise<EngineProcess> {
    const proc = new EngineProcess(config);
    let timer: NodeJS.Timeout | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        timer = setTimeout(
          () => reject(new Error(`engine process not ready after ${readyTimeoutMs} ms`)),
          readyTimeoutMs,
        );
        proc.child.on('message', (m: FromChild) => m.type === 'ready' && resolve());
        void proc.exited.then(() => reject(new Error(`engine process exited before it was ready`)));
      });
    } catch (err) {
      proc.kill();
      throw err;
    } finally {
      clearTimeout(timer);
    }
    return proc;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** False once the process exited or was killed (it may still be exiting). */
  get alive(): boolean {
    return !this.dead && !this.killed;
  }

  /** Runs one recognition; never rejects: every ending is an {@link EngineOutcome}. */
  run(
    cardType: number,
    image: Buffer,
    options: RecognizeOptions | undefined,
    timeoutMs: number,
  ): Promise<EngineOutcome> {
    if (this.pending) throw new Error('engine process busy');
    if (this.dead) return Promise.resolve({ kind: 'died', code: this.child.exitCode, signal: this.child.signalCode });
    const id = this.nextId++;
    this.jobs++;
    return new Promise<EngineOutcome>((resolve) => {
      const timer = setTimeout(() => {
        settle({ kind: 'timeout' });
        this.kill();
      }, timeoutMs);
      const settle = (outcome: EngineOutcome) => {
        clearTimeout(timer);
        this.pending = undefined;
        resolve(outcome);
      };
      this.pending = { id, settle };
      const message: ToChild = { type: 'recognize', id, cardType, image, options };
      this.child.send(message);
    });
  }

  /** Asks the process to exit once idle and waits for it (killed after `graceMs`). */
  async stop(graceMs = 5_000): Promise<void> {
    if (this.dead) return;
    if (this.killed) return this.exited;
    if (this.child.connected) this.child.send({ type: 'exit' } satisfies ToChild);
    const timer = setTimeout(() => this.kill(), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  kill(): void {
    if (this.dead || this.killed) return;
    this.killed = true;
    this.child.kill('SIGKILL');
  }

  private onMessage(message: FromChild): void {
    if (message.type === 'ready' || message.id !== this.pending?.id) return;
    if (message.type === 'report') this.pending.settle({ kind: 'report', report: message.report });
    else this.pending.settle({ kind: 'threw', name: message.name, message: message.message });
  }
}
