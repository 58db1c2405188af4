import { ConsoleLogger, type LogLevel } from '@nestjs/common';

/**
 * Nest's console logger, but every level goes to stderr: the CLI's stdout carries only JSON Lines envelopes, so a
 * log line there would break a consumer parsing them.
 */
export class StderrLogger extends ConsoleLogger {
  protected override printMessages(
    messages: unknown[],
    context?: string,
    logLevel?: LogLevel,
    _writeStreamType?: 'stdout' | 'stderr',
    errorStack?: unknown,
  ): void {
    super.printMessages(messages, context, logLevel, 'stderr', errorStack);
  }
}
