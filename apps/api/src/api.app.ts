import { ConsoleLogger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import cookieParser from 'cookie-parser';
import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig, LOG_LEVELS } from '@zhengjian/config';
import { ZhengjianMetrics } from '@zhengjian/metrics';
import { ApiModule } from './api.module';
import { bodyLimits } from './http/body-limits';
import { foreignCharsetForm, isForeignCharsetForm, jsonDepthLimit } from './http/body-parsers';
import { BodyParseErrorGuard, deferBodyParseErrors } from './http/deferred-body-errors';
import { requestMetricsMiddleware } from './metrics/request-metrics.middleware';
import { expressRoutes } from './openapi/express-routes';
import { setupOpenApi } from './openapi/openapi.setup';

/** Most parameters of a form body (body-parser's `parameterLimit`; beyond: 215302). */
const FORM_PARAMETER_LIMIT = 64;

/**
 * Creates the api application (not listening yet): body parsers sized from `MAX_IMAGE_BYTES`, `trust proxy` from
 * `TRUST_PROXY`, the request counter of `/metrics`, the OpenAPI document at `/docs`, shutdown hooks. `main.ts`, the e2e tests and the benchmark all boot it through here.
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
  app.useLogger(serviceLogger(appConfig.logLevel));
  express.set('trust proxy', appConfig.trustProxy);
  express.disable('x-powered-by');
  // The queue dashboard's session cookie (`/admin/login`); nothing else reads cookies.
  express.use('/admin', cookieParser());
  if (appConfig.corsOrigins.length > 0) app.enableCors(corsOptions(appConfig.corsOrigins));
  // Before the body parsers, so that bodies they refuse (215302) are counted too.
  const metrics = optionalProvider(app, ZhengjianMetrics);
  if (metrics) express.use(requestMetricsMiddleware(metrics, lazyRoutePaths(app)));
  // Forms in a charset body-parser refuses but iconv-lite reads (GBK, gb2312, gb18030, utf8): read raw, decoded here.
  express.useBodyParser('raw', { type: isForeignCharsetForm, limit: limits.textBodyBytes });
  express.use(foreignCharsetForm(FORM_PARAMETER_LIMIT));
  // Form decoding with `extended: false` (querystring): Juhe's parameters are flat strings.
  express.useBodyParser('urlencoded', {
    extended: false,
    limit: limits.textBodyBytes,
    parameterLimit: FORM_PARAMETER_LIMIT,
  });
  express.useBodyParser('json', { limit: limits.textBodyBytes });
  express.use(jsonDepthLimit());
  // Every parser failure kept as a BodyParseError and rethrown in the matched route, where its family's filter
  // answers it in that family's shape.
  express.use(deferBodyParseErrors());
  app.useGlobalGuards(new BodyParseErrorGuard());
  setupOpenApi(app);
  app.enableShutdownHooks();
}

/**
 * CORS for the browser origins of `CORS_ORIGINS` (exact match; any other origin gets no `Access-Control-*` header,
 * so the browser refuses the answer): the headers the async and Juhe APIs read, `Idempotent-Replayed` readable by
 * scripts, no cookies (keys travel in `X-Api-Key`; the admin dashboard's cookie is same-origin only), preflights
 * cached 10 minutes.
 */
export function corsOptions(origins: readonly string[]): CorsOptions {
  return {
    origin: [...origins],
    methods: ['GET', 'POST', 'DELETE'],
    allowedHeaders: ['Content-Type', 'X-Api-Key', 'Idempotency-Key'],
    exposedHeaders: ['Idempotent-Replayed'],
    credentials: false,
    maxAge: 600,
  };
}

/** A provider of the app, or undefined when its module is not there (controller unit tests build partial apps). */
function optionalProvider<T>(app: INestApplication, token: abstract new (...args: never[]) => T): T | undefined {
  try {
    return app.get(token, { strict: false });
  } catch {
    return undefined;
  }
}

/** The app's route paths, read once on first use (routes exist only after `init()`). */
function lazyRoutePaths(app: INestApplication): () => ReadonlySet<string> {
  let paths: ReadonlySet<string> | undefined;
  return () => (paths ??= new Set(expressRoutes(app).map((route) => route.path)));
}

/**
 * Nest's console logger up to `LOG_LEVEL` (`log` → error, warn, log): one JSON object per line when stdout is not a
 * terminal (containers, log shippers), coloured text otherwise.
 */
export function serviceLogger(level: AppConfig['logLevel']): ConsoleLogger {
  const logLevels = LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1);
  return new ConsoleLogger({ logLevels, json: !process.stdout.isTTY, colors: process.stdout.isTTY });
}
