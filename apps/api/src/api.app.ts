import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig, LOG_LEVELS } from '@zhengjian/config';
import { ApiModule } from './api.module';
import { bodyLimits } from './http/body-limits';

/**
 * Creates the api application (not listening yet): body parsers sized from `MAX_IMAGE_BYTES`, `trust proxy` from
 * `TRUST_PROXY`, shutdown hooks. `main.ts`, the e2e tests and the benchmark all boot it through here.
 */
export async function createApiApp(config?: Partial<AppConfig>): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  configureApiApp(app);
  return app;
}

/** The HTTP settings of the api, for an app created elsewhere (e.g. from a testing module). */
export function configureApiApp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  const appConfig = app.get<AppConfig>(APP_CONFIG);
  const limits = bodyLimits(appConfig.maxImageBytes);
  // LOG_LEVEL=log → error, warn and log.
  app.useLogger(LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(appConfig.logLevel) + 1));
  express.set('trust proxy', appConfig.trustProxy);
  express.disable('x-powered-by');
  // Form decoding with `extended: false` (querystring): Juhe's parameters are flat strings.
  express.useBodyParser('urlencoded', { extended: false, limit: limits.textBodyBytes, parameterLimit: 64 });
  express.useBodyParser('json', { limit: limits.textBodyBytes });
  app.enableShutdownHooks();
}
