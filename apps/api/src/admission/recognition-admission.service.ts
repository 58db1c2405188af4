import { Inject, Injectable, Logger } from '@nestjs/common';
import { ACCESS, AccessDeniedError, type AccessPort } from '@zhengjian/access';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import { JuheError, JuheErrorCode, parseCardType } from '@zhengjian/juhe';
import { ORDERS, type OrdersPort } from '@zhengjian/orders';
import { CardTypeSupport } from './card-type-support';
import type { RawRecognitionRequest, ValidRecognitionRequest } from './recognition-request';
import { validateRecognitionRequest } from './recognition-request.validator';

/**
 * An extra check of an endpoint (the async API's `callbackUrl`), run after the common ones. It refuses with a
 * {@link CodedRefusal} (a `JuheError` or the endpoint's own coded error), recorded like the common refusals.
 */
export type AdmissionCheck = (request: ValidRecognitionRequest, apiKeyId: string) => Promise<void>;

/** What a refusal must carry to be recorded with its code: `JuheError` and the async API's errors have it. */
export interface CodedRefusal extends Error {
  code: number;
  reason: string;
  detail?: string;
}

function isCodedRefusal(err: unknown): err is CodedRefusal {
  if (err instanceof JuheError) return true;
  const { code, reason } = (err ?? {}) as { code?: unknown; reason?: unknown };
  return err instanceof Error && typeof code === 'number' && typeof reason === 'string';
}

/** A request that may become an order. */
export interface AdmittedRequest {
  apiKeyId: string;
  request: ValidRecognitionRequest;
}

/**
 * Every check that comes before an order exists, shared by the sync (Juhe) and async endpoints: maintenance (10020)
 * → key (100xx, counted against its quotas) → request checks (2153xx) → the endpoint's own check. A refusal is
 * recorded in the error history (with the key's id when the key is known), then rethrown.
 *
 * A cardType the configured provider cannot recognize ({@link CardTypeSupport}: outside the catalogue, or not served
 * by the local engine) is refused with 215303 right after the key's own checks (10001/10009/10003/10008, counting
 * nothing): no quota unit is spent, no order created, nothing queued.
 */
@Injectable()
export class RecognitionAdmission {
  private readonly logger = new Logger(RecognitionAdmission.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ACCESS) private readonly access: AccessPort,
    @Inject(ORDERS) private readonly orders: OrdersPort,
    @Inject(CardTypeSupport) private readonly cardTypes: CardTypeSupport,
  ) {}

  /** @throws JuheError (or the extra check's error) after recording it. */
  async admit(raw: RawRecognitionRequest, ip: string, extraCheck?: AdmissionCheck): Promise<AdmittedRequest> {
    let apiKeyId: string | null = null;
    try {
      if (this.config.maintenance) throw new JuheError(JuheErrorCode.Maintenance);
      const cardType = parseCardType(raw.cardType);
      if (cardType === undefined || !this.cardTypes.has(cardType)) {
        apiKeyId = (await this.access.identify({ key: raw.key, ip })).id;
        throw cardType === undefined
          ? JuheError.unknownCardType(raw.cardType ?? '')
          : JuheError.notSupportedYet(cardType);
      }
      const key = await this.access.authorize({ key: raw.key, ip, cardType });
      apiKeyId = key.id;
      const request = validateRecognitionRequest(raw, this.config.maxImageBytes);
      await extraCheck?.(request, key.id);
      return { apiKeyId, request };
    } catch (err) {
      // A refused key (disabled, expired, over quota…) is still a known key: its id goes on the error row.
      if (err instanceof AccessDeniedError) apiKeyId = err.apiKeyId;
      await this.recordRefusal(err, apiKeyId, ip);
      throw err;
    }
  }

  private async recordRefusal(err: unknown, apiKeyId: string | null, ip: string): Promise<void> {
    const coded = isCodedRefusal(err) ? err : undefined;
    const errorCode = coded?.code ?? JuheErrorCode.InternalError;
    this.logger.log(`request refused: ${errorCode}${apiKeyId ? ` (key id ${apiKeyId})` : ''}`);
    try {
      await this.orders.recordRequestError({
        apiKeyId,
        errorCode,
        reason: coded?.reason ?? 'internal error before the order was created',
        detail: coded?.detail ?? null,
        ip,
      });
    } catch (recordErr) {
      // The refusal itself must still reach the client; the failed write is only logged.
      this.logger.error(`could not record a ${errorCode} refusal: ${(recordErr as Error).message}`);
    }
  }
}
