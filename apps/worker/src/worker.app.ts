import { ConsoleLogger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { APP_CONFIG, type AppConfig, LOG_LEVELS } from '@zhengjian/config';
import { WorkerModule } from './worker.module';

/**
 * Creates the worker application (not listening yet): models load and the processor starts taking jobs during
 * `init()`/`listen()`; shutdown hooks make SIGTERM close the BullMQ worker, which waits for the jobs in flight.
 */
export async function createWorkerApp(config?: Partial<AppConfig>): Promise<INestApplication> {
  const app = await NestFactory.create(WorkerModule.forRoot(config), { bufferLogs: true });
  const { logLevel } = app.get<AppConfig>(APP_CONFIG);
  // As the api: up to LOG_LEVEL, one JSON object per line outside a terminal.
  const logLevels = LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(logLevel) + 1);
  app.useLogger(new ConsoleLogger({ logLevels, json: !process.stdout.isTTY, colors: process.stdout.isTTY }));
  app.enableShutdownHooks();
  return app;
}
