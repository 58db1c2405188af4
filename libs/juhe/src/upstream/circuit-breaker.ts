import { Logger } from '@nestjs/common';
import { CircuitOpenError, UpstreamUnavailableError } from './upstream.errors';

/** `closed`: calls go through. `open`: calls fail fast. `half-open`: one trial call decides. */
export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Name in logs and in {@link CircuitOpenError}. Default `juhe-upstream`. */
  name?: string;
  /** Consecutive {@link UpstreamUnavailableError}s that open the circuit. Default 5. */
  failureThreshold?: number;
  /** How long the circuit stays open before a trial call, in ms. Default 30000. */
  coolDownMs?: number;
  /** Clock in epoch ms; tests inject one. Default `Date.now`. */
  now?: () => number;
}

/**
 * A small consecutive-failure circuit breaker (own code: the whole state machine is ~40 lines, a library would
 * bring its own timers, events and percentages we do not need).
 *
 * Only {@link UpstreamUnavailableError} counts as a failure: any envelope, including an upstream 2153xx or 100xx,
 * proves the upstream is reachable and counts as a success. While open, {@link execute} throws
 * {@link CircuitOpenError} without calling. After `coolDownMs` the next call is the single trial (half-open;
 * concurrent calls still fail fast): success closes the circuit, an outage reopens it for another cool-down.
 */
export class CircuitBreaker {
  private readonly logger: Logger;
  private readonly name: string;
  private readonly threshold: number;
  private readonly coolDownMs: number;
  private readonly now: () => number;
  private failures = 0;
  private openedAt: number | undefined;
  private trialInFlight = false;

  constructor(options: CircuitBreakerOptions = {}) {
    this.name = options.name ?? 'juhe-upstream';
    this.threshold = Math.max(1, options.failureThreshold ?? 5);
    this.coolDownMs = Math.max(0, options.coolDownMs ?? 30_000);
    this.now = options.now ?? Date.now;
    this.logger = new Logger(`${CircuitBreaker.name}:${this.name}`);
  }

  /** The state at this instant (`open` turns `half-open` by the clock alone, without a call). */
  get state(): CircuitState {
    if (this.openedAt === undefined) return 'closed';
    return this.now() - this.openedAt >= this.coolDownMs ? 'half-open' : 'open';
  }

  /**
   * Runs `call` unless the circuit is open.
   * @throws CircuitOpenError while open, or half-open with the trial call still running.
   * @throws whatever `call` throws, after counting it.
   */
  async execute<T>(call: () => Promise<T>): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'half-open' && this.trialInFlight)) {
      throw new CircuitOpenError(this.name, (this.openedAt ?? 0) + this.coolDownMs);
    }
    const trial = state === 'half-open';
    if (trial) this.trialInFlight = true;
    try {
      const value = await call();
      this.onSuccess(trial);
      return value;
    } catch (err) {
      if (err instanceof UpstreamUnavailableError) this.onOutage(trial);
      else this.onSuccess(trial); // not an outage: the upstream answered, our code failed afterwards
      throw err;
    } finally {
      if (trial) this.trialInFlight = false;
    }
  }

  private onSuccess(trial: boolean): void {
    if (trial) this.logger.log('trial call succeeded: circuit closed');
    this.failures = 0;
    this.openedAt = undefined;
  }

  private onOutage(trial: boolean): void {
    this.failures += 1;
    if (trial || (this.openedAt === undefined && this.failures >= this.threshold)) {
      this.openedAt = this.now();
      this.logger.warn(
        `circuit open for ${this.coolDownMs}ms after ${trial ? 'a failed trial call' : `${this.failures} failures`}`,
      );
    }
  }
}
