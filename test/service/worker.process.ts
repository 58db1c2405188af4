import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { AppConfig } from '@zhengjian/config';

const ROOT = join(__dirname, '..', '..');
let nextPort = 39_100 + Math.floor(Math.random() * 500);

/**
 * The real worker as a child process (`node --import tsx apps/worker/src/main.ts`: one process, so SIGKILL really
 * kills the worker mid-job), configured through the environment like production. Its output is kept for the
 * personal-data scan.
 */
export class WorkerProcess {
  output = '';
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | null>;
  readonly port = nextPort++;

  constructor(config: AppConfig, extraEnv: Record<string, string> = {}) {
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      DATABASE_URL: config.databaseUrl,
      REDIS_URL: config.redisUrl,
      REDIS_PREFIX: config.redisPrefix,
      DATA_KEY: config.dataKey.toString('base64'),
      ADMIN_TOKEN: config.adminToken,
      WORKER_PORT: String(this.port),
      WORKER_CONCURRENCY: String(config.workerConcurrency),
      SWEEPER_INTERVAL_MS: String(config.sweeperIntervalMs),
      SWEEPER_STUCK_AFTER_MS: String(config.sweeperStuckAfterMs),
      LOG_LEVEL: 'verbose',
      ...extraEnv,
    };
    this.child = spawn(process.execPath, ['--import', 'tsx', 'apps/worker/src/main.ts'], { cwd: ROOT, env });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  /** Resolves once `/health` answers 200 (models loaded, processor running). */
  async ready(timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`worker exited (${this.child.exitCode}):\n${this.output}`);
      const ok = await fetch(`http://127.0.0.1:${this.port}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`worker not ready after ${timeoutMs} ms:\n${this.output}`);
  }

  /** Sends `signal` and waits for the process to end; returns its exit code (null when killed by a signal). */
  async stop(signal: NodeJS.Signals): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}
