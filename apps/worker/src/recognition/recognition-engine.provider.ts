import { HttpService } from '@nestjs/axios';
import { type FactoryProvider, Logger } from '@nestjs/common';
import axios from 'axios';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
// The local provider's wiring (every domain's recognizers over one OCR engine) is shared with the CLI.
import { createLocalProvider } from '@zhengjian/engine';
import { CircuitBreaker, JuheUpstreamClient } from '@zhengjian/juhe';
import { JuheProvider, type ProviderSet, type RecognitionProvider, createProvider } from '@zhengjian/recognition';

/** Injection token of the worker's `RecognitionProvider` (`RECOGNITION_PROVIDER`: local, juhe, juhe-then-local). */
export const RECOGNITION_PROVIDER = Symbol('RecognitionProvider');

/** Consecutive upstream outages that open the circuit, and how long it stays open before a trial call. */
export const JUHE_BREAKER = { failureThreshold: 5, coolDownMs: 30_000 } as const;

/**
 * The provider, built once per worker process at boot (before any job is taken) from the config: the local engine
 * (OCR models loaded) only when the mode uses it, the Juhe upstream client with its circuit breaker only when the
 * mode forwards to Juhe. Logs the mode and the upstream host, never the appkey.
 */
export const recognitionProviderFactory: FactoryProvider<RecognitionProvider> = {
  provide: RECOGNITION_PROVIDER,
  inject: [APP_CONFIG],
  useFactory: async (config: AppConfig) => {
    const logger = new Logger('RecognitionProvider');
    const mode = config.recognitionProvider;
    const providers: ProviderSet = {};
    if (mode === 'local' || mode === 'juhe-then-local') {
      const started = performance.now();
      providers.local = await createLocalProvider(undefined, { maxImageBytes: config.maxImageBytes });
      logger.log(`OCR models loaded in ${Math.round(performance.now() - started)} ms`);
    }
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
