import { ConsoleLogger } from '@nestjs/common';

/**
 * A Nest logger that keeps every line it is given (for the scan that proves no personal data is logged) and prints
 * only warnings and errors, so test output stays readable.
 */
export class LogCaptureLogger extends ConsoleLogger {
  readonly lines: string[] = [];
  /** The lines logged at error level. */
  readonly errorLines: string[] = [];

  override log(message: unknown, ...rest: unknown[]): void {
    this.keep(message, rest);
  }

  override debug(message: unknown, ...rest: unknown[]): void {
    this.keep(message, rest);
  }

  override verbose(message: unknown, ...rest: unknown[]): void {
    this.keep(message, rest);
  }

  override warn(message: unknown, ...rest: unknown[]): void {
    this.keep(message, rest);
    super.warn(message, ...rest);
  }

  override error(message: unknown, ...rest: unknown[]): void {
    this.keep(message, rest);
    this.errorLines.push(this.lines[this.lines.length - 1]!);
    super.error(message, ...rest);
  }

  private keep(message: unknown, rest: unknown[]): void {
    this.lines.push(
      [message, ...rest].map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' '),
    );
  }
}
