import { ConsoleLogger, type LogLevel, Logger } from '@nestjs/common';

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

/**
 * Sends every Nest log line to stderr; debug lines (per-image OCR timings) only with `ZHENGJIAN_DEBUG=1`.
 * For processes whose stdout is data: the CLI and the benchmarks.
 */
export function useStderrLogging(): void {
  const debug = process.env.ZHENGJIAN_DEBUG === '1';
  Logger.overrideLogger(
    new StderrLogger({ logLevels: debug ? ['error', 'warn', 'log', 'debug'] : ['error', 'warn', 'log'] }),
  );
}
