/**
 * Thrown by `loadConfig` when variables are missing or bad. The message names every one of them (never their values:
 * they may be secrets), one per line, so the process stops with something an operator can act on.
 */
export class InvalidConfigError extends Error {
  override readonly name = 'InvalidConfigError';

  /** @param problems variable name → what is wrong with it, e.g. `DATA_KEY` → `must be 32 random bytes…`. */
  constructor(readonly problems: ReadonlyMap<string, string>) {
    const lines = [...problems].map(([name, problem]) => `  ${name} ${problem}`);
    super(`Invalid environment (see .env.example):\n${lines.join('\n')}`);
  }

  /** The names of the bad variables. */
  get variables(): string[] {
    return [...this.problems.keys()];
  }
}

/**
 * What a process prints when it cannot start: an `InvalidConfigError` as its message alone (the variables to fix),
 * anything else with its stack.
 */
export function describeBootError(err: unknown): string {
  if (err instanceof InvalidConfigError) return err.message;
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}
