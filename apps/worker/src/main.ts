import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import { createWorkerApp } from './worker.app';

/** `npm run start:worker`: runs recognition jobs; `/health` on `WORKER_PORT`. */
async function bootstrap(): Promise<void> {
  const app = await createWorkerApp();
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.workerPort);
  new Logger('WorkerMain').log(`worker up, health on port ${config.workerPort}`);
}

bootstrap().catch((err: unknown) => {
  process.stderr.write(`worker: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
