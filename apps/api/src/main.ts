import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, describeBootError, resolveConfig } from '@zhengjian/config';
import { createApiApp } from './api.app';

/** `npm run start:api`: the Juhe-compatible HTTP api on `PORT`. */
async function bootstrap(): Promise<void> {
  // Validated before Nest boots, so a bad environment is reported as one message, not as a DI stack trace.
  const app = await createApiApp(resolveConfig());
  const config = app.get<AppConfig>(APP_CONFIG);
  // Node's own default keeps a stalled upload for 5 minutes: cut it at REQUEST_TIMEOUT_MS (headers within the same).
  const server = app.getHttpServer() as import('node:http').Server;
  server.requestTimeout = config.requestTimeoutMs;
  server.headersTimeout = Math.min(server.headersTimeout, config.requestTimeoutMs);
  await app.listen(config.port);
  new Logger('ApiMain').log(`api listening on port ${config.port}`);
}

bootstrap().catch((err: unknown) => {
  process.stderr.write(`api: ${describeBootError(err)}\n`);
  process.exit(1);
});
