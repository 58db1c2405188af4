import { HttpService } from '@nestjs/axios';
import { type FactoryProvider, Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import axios from 'axios';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
// The local provider's wiring (every domain's recognizers over one OCR engine) is shared with the CLI.
import { EngineProcessPool } from '@zhengjian/engine';
import { CircuitBreaker, JuheUpstreamClient } from '@zhengjian/juhe';
import { JuheProvider, type ProviderSet, type RecognitionProvider, createProvider } from '@zhengjian/recognition';

/** Injection token of the worker's `RecognitionProvider` (`RECOGNITION_PROVIDER`: local, juhe, juhe-then-local). */
export const RECOGNITION_PROVIDER = Symbol('RecognitionProvider');

/** Injection token of the local engine's process pool (`null` when `RECOGNITION_PROVIDER=juhe`). */
export const LOCAL_ENGINE = Symbol('LocalEngine');

/**
 * The local engine in engine processes: one per concurrent job (`WORKER_CONCURRENCY`), each recognition limited to
 * `RECOGNITION_TIMEOUT_MS`, each process replaced after `ENGINE_RECYCLE_AFTER_JOBS` recognitions. Started at boot
 * (models loaded) before any job is taken.
 */
export const localEngineFactory: FactoryProvider<EngineProcessPool | null> = {
  provide: LOCAL_ENGINE,
  inject: [APP_CONFIG],
  useFactory: async (config: AppConfig) => {
    if (config.recognitionProvider === 'juhe') return null;
    const started = performance.now();
    const pool = await EngineProcessPool.start({
      size: config.workerConcurrency,
      timeoutMs: config.recognitionTimeoutMs,
      recycleAfterJobs: config.engineRecycleAfterJobs,
      limits: { maxImageBytes: config.maxImageBytes },
    });
    new Logger('RecognitionProvider').log(
      `${config.workerConcurrency} engine process(es) loaded the OCR models in ${Math.round(performance.now() - started)} ms`,
    );
    return pool;
  },
};

/** Stops the engine processes once the BullMQ workers have finished their jobs (shutdown comes after destroy). */
@Injectable()
export class LocalEngineCloser implements OnApplicationShutdown {
  constructor(@Inject(LOCAL_ENGINE) private readonly pool: EngineProcessPool | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.close();
  }
}

/** Consecutive upstream outages that open the circuit, and how long it stays open before a trial call. */
export const JUHE_BREAKER = { failureThreshold: 5, coolDownMs: 30_000 } as const;

/**
 * The provider, built once per worker process at boot (before any job is taken) from the config: the local engine's
 * process pool only when the mode uses it, the Juhe upstream client with its circuit breaker only when the
 * mode forwards to Juhe. Logs the mode and the upstream host, never the appkey.
 */
export const recognitionProviderFactory: FactoryProvider<RecognitionProvider> = {
  provide: RECOGNITION_PROVIDER,
  inject: [APP_CONFIG, LOCAL_ENGINE],
  useFactory: (config: AppConfig, local: EngineProcessPool | null) => {
    const logger = new Logger('RecognitionProvider');
    const mode = config.recognitionProvider;
    const providers: ProviderSet = {};
    if (local) providers.local = local;
    if (mode === 'juhe' || mode === 'juhe-then-local') {
      const client = new JuheUpstreamClient(new HttpService(axios.create()), {
        appKey: config.juheAppKey,
        baseUrl: config.juheBaseUrl,
        timeoutMs: config.juheTimeoutMs,
        transport: config.juheTransport,
      });
      providers.juhe = new JuheProvider(client, new CircuitBreaker({ name: 'juhe-upstream', ...JUHE_BREAKER }));
      logger.log(`forwarding to the Juhe upstream at ${new URL(config.juheBaseUrl).host} (${config.juheTransport})`);
    }
    logger.log(`recognition provider: ${mode}`);
    return createProvider(mode, providers);
  },
};
