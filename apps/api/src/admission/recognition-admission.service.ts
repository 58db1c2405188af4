import { Inject, Injectable, Logger } from '@nestjs/common';
import { ACCESS, AccessDeniedError, type AccessPort, type AuthorizedKey } from '@zhengjian/access';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import { JuheError, JuheErrorCode, parseCardType } from '@zhengjian/juhe';
import { type CreateOrderInput, ORDERS, type OrderMode, type OrdersPort } from '@zhengjian/orders';
import { RecognitionQueue } from '@zhengjian/queue';
import { CardTypeSupport } from './card-type-support';
import type { RawRecognitionRequest, ValidRecognitionRequest } from './recognition-request';
import { validateRecognitionRequest } from './recognition-request.validator';

/**
 * An extra check of an endpoint (the async API's `callbackUrl`), run after the common ones. It refuses with a
 * {@link CodedRefusal} (a `JuheError` or the endpoint's own coded error), recorded like the common refusals.
 */
export type AdmissionCheck = (request: ValidRecognitionRequest, apiKeyId: string) => Promise<void>;

/** How an endpoint admits. */
export interface AdmissionOptions {
  /** Run after the common checks. */
  extraCheck?: AdmissionCheck;
  /** The key as already identified for this request (the owner of an `Idempotency-Key`): not looked up again. */
  identified?: AuthorizedKey;
  /**
   * Sync endpoints: refuse with 215300 (before the key is counted) while more recognition jobs wait than
   * `SYNC_MAX_QUEUE_DEPTH`, since such an order would time out and the client would retry anyway.
   */
  refuseWhenOverloaded?: boolean;
}

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
 * The order an admitted request becomes, the same for both endpoints; `extra` carries what only one of them has.
 */
export function orderInputOf(
  { apiKeyId, request }: AdmittedRequest,
  mode: OrderMode,
  ip: string,
  extra: Pick<CreateOrderInput, 'callbackUrl' | 'idempotency'> = {},
): CreateOrderInput {
  return {
    apiKeyId,
    userid: request.userid ?? null,
    cardType: request.cardType,
    mode,
    image: request.image,
    mime: request.mime,
    returnOrderId: request.returnOrderId,
    detail: request.detail,
    crop: request.crop,
    ip,
    ...extra,
  };
}

/**
 * Every check that comes before an order exists, shared by the sync (Juhe) and async endpoints: maintenance (10020)
 * → overload (215300, sync only) → key (100xx, counted against its quotas) → request checks (2153xx) → the
 * endpoint's own check. A refusal is recorded in the error history (with the key's id when the key is known; refusals
 * without a known key are counted per IP and minute), then rethrown.
 *
 * A cardType the configured provider cannot recognize ({@link CardTypeSupport}: outside the catalogue, or not served
 * by the local engine) is refused with 215303 right after the IP's rate (10011, counted) and the key's own checks
 * (10001/10009/10003/10008): no quota unit is spent, no order created, nothing queued.
 */
@Injectable()
export class RecognitionAdmission {
  private readonly logger = new Logger(RecognitionAdmission.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ACCESS) private readonly access: AccessPort,
    @Inject(ORDERS) private readonly orders: OrdersPort,
    @Inject(RecognitionQueue) private readonly queue: RecognitionQueue,
    @Inject(CardTypeSupport) private readonly cardTypes: CardTypeSupport,
  ) {}

  /** @throws JuheError (or the extra check's error) after recording it. */
  async admit(raw: RawRecognitionRequest, ip: string, options: AdmissionOptions = {}): Promise<AdmittedRequest> {
    let apiKeyId: string | null = options.identified?.id ?? null;
    try {
      if (this.config.maintenance) throw new JuheError(JuheErrorCode.Maintenance);
      if (options.refuseWhenOverloaded) await this.refuseWhenOverloaded();
      const cardType = parseCardType(raw.cardType);
      if (cardType === undefined || !this.cardTypes.has(cardType)) {
        // Counted against the IP's rate like an accepted request: a flood of bad cardTypes must hit 10011 too.
        const { identified } = options;
        apiKeyId = (await this.access.identify({ key: raw.key, ip, countIp: true, identified })).id;
        throw cardType === undefined
          ? JuheError.unknownCardType(raw.cardType ?? '')
          : JuheError.notSupportedYet(cardType);
      }
      const key = await this.access.authorize({ key: raw.key, ip, cardType, identified: options.identified });
      apiKeyId = key.id;
      const request = validateRecognitionRequest(raw, this.config.maxImageBytes);
      await options.extraCheck?.(request, key.id);
      return { apiKeyId, request };
    } catch (err) {
      // A refused key (disabled, expired, over quota…) is still a known key: its id goes on the error row.
      // 10011 is raised before the key is looked up (no id on the error): a key already identified keeps its own.
      if (err instanceof AccessDeniedError) apiKeyId = err.apiKeyId ?? apiKeyId;
      await this.recordRefusal(err, apiKeyId, ip);
      throw err;
    }
  }

  private async refuseWhenOverloaded(): Promise<void> {
    const limit = this.config.syncMaxQueueDepth;
    if (limit <= 0) return;
    const waiting = await this.queue.waitingCount();
    if (waiting >= limit) {
      throw new JuheError(JuheErrorCode.NetworkError, `overloaded: ${waiting} jobs waiting (SYNC_MAX_QUEUE_DEPTH)`);
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
