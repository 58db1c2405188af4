import { Logger, type LoggerService } from '@nestjs/common';

/**
 * Captures every Nest log line of a test file (nothing is printed), so a test can prove what the upstream code
 * logs: hosts, cardTypes, codes, durations and attempts, never the appkey, the image or a result value.
 */
export class LogLines implements LoggerService {
  readonly lines: string[] = [];

  /** Routes Nest's static logger here until {@link uninstall}. */
  install(): this {
    Logger.overrideLogger(this);
    return this;
  }

  uninstall(): void {
    Logger.overrideLogger(true);
  }

  clear(): void {
    this.lines.length = 0;
  }

  /** Every captured line, for `expect(...).not.toContain(secret)`. */
  get text(): string {
    return this.lines.join('\n');
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.keep('log', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.keep('warn', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.keep('error', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.keep('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.keep('verbose', message, rest);
  }

  /** Nest passes the logger's context as the last argument: lines read `level [Context] message`. */
  private keep(level: string, message: unknown, rest: unknown[]): void {
    const context = typeof rest.at(-1) === 'string' ? String(rest.pop()) : '';
    const parts = [message, ...rest].map((part) => (typeof part === 'string' ? part : JSON.stringify(part)));
    this.lines.push(`${level} [${context}] ${parts.join(' ')}`);
  }
}
