import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, type RecognitionProviderMode } from '@zhengjian/config';
import { localCardTypes } from '@zhengjian/engine';
import { CARD_TYPE_CODES } from '@zhengjian/juhe';

/**
 * The cardTypes the configured `RECOGNITION_PROVIDER` can recognize: `local` → the local engine's registry (ID cards
 * 2, 3, 101 today; it grows with the domain libraries); `juhe` and `juhe-then-local` → the whole catalogue (Juhe
 * reads every catalogued type; when it is down the local engine answers what it can). Read once at boot: the
 * provider cannot change without a restart.
 */
@Injectable()
export class CardTypeSupport {
  private readonly supported: ReadonlySet<number>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.supported = new Set(supportedCardTypes(config.recognitionProvider));
  }

  has(cardType: number): boolean {
    return this.supported.has(cardType);
  }
}

/** The cardTypes a provider mode recognizes, ascending. */
export function supportedCardTypes(mode: RecognitionProviderMode): number[] {
  switch (mode) {
    case 'local':
      return localCardTypes();
    case 'juhe':
    case 'juhe-then-local':
      return [...CARD_TYPE_CODES].sort((a, b) => a - b);
  }
}
