/**
 * Entry of an engine process (forked by `EngineProcessPool`): loads the local engine (or the injected module named in
 * its config), says `ready`, then answers one `recognize` message at a time. It exits when told to, or as soon as the
 * IPC channel closes (the worker died), so an engine process never outlives its worker.
 */
import { OcrEngine } from '@zhengjian/ocr';
import { createRecognitionService } from '../local-engine';
import { CHILD_CONFIG_ENV, type ChildEngine, type ChildEngineConfig, type ChildEngineModule } from './engine-protocol';
import type { FromChild, ToChild } from './engine-protocol';

async function load(config: ChildEngineConfig): Promise<ChildEngine> {
  if (config.engineModule) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const injected = require(config.engineModule) as ChildEngineModule;
    return injected.createEngine(config);
  }
  return createRecognitionService(await OcrEngine.create({ threads: config.threads }), config.limits);
}

function send(message: FromChild): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const config = JSON.parse(process.env[CHILD_CONFIG_ENV] ?? '{}') as ChildEngineConfig;
  const engine = await load(config);
  process.on('disconnect', () => process.exit(0));
  // Ctrl-C in a terminal signals the whole process group: the worker finishes its jobs in flight before it stops its
  // engine processes, so they must not die first (that would fail the job as a crash).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => undefined);
  process.on('message', (message: ToChild) => {
    if (message.type === 'exit') {
      process.disconnect();
      return;
    }
    const image = Buffer.from(message.image.buffer, message.image.byteOffset, message.image.byteLength);
    // Through a promise so that an engine throwing synchronously is answered like one rejecting.
    Promise.resolve()
      .then(() => engine.recognize(message.cardType, image, message.options))
      .then(
        (report) => send({ type: 'report', id: message.id, report }),
        (err: unknown) =>
          send({
            type: 'threw',
            id: message.id,
            name: err instanceof Error ? err.name : typeof err,
            message: err instanceof Error ? err.message : String(err),
          }),
      );
  });
  send({ type: 'ready' });
}

main().catch((err: unknown) => {
  process.stderr.write(`engine process: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
