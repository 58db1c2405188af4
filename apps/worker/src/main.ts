import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, describeBootError, resolveConfig } from '@zhengjian/config';
import { createWorkerApp } from './worker.app';

/** `npm run start:worker`: runs recognition jobs; `/health` on `WORKER_PORT`. */
async function bootstrap(): Promise<void> {
  // Validated before Nest boots, so a bad environment is reported as one message, not as a DI stack trace.
  const app = await createWorkerApp(resolveConfig());
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.workerPort);
  new Logger('WorkerMain').log(`worker up, health on port ${config.workerPort}`);
}

bootstrap().catch((err: unknown) => {
  process.stderr.write(`worker: ${describeBootError(err)}\n`);
  process.exit(1);
});
