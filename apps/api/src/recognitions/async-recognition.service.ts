import { Inject, Injectable, Logger } from '@nestjs/common';
import { ACCESS, AccessDeniedError, type AccessPort, type AuthorizedKey } from '@zhengjian/access';
import {
  type CreateOrderInput,
  IdempotencyClaimLostError,
  ORDERS,
  type OrdersPort,
  type StoredResponse,
} from '@zhengjian/orders';
import { RecognitionQueue } from '@zhengjian/queue';
import { WebhookUrlPolicy } from '@zhengjian/webhooks';
import { RecognitionAdmission, orderInputOf } from '../admission/recognition-admission.service';
import { IdempotencyService } from '../idempotency/idempotency.service';
import { requestFingerprint } from '../idempotency/request-fingerprint';
import { AsyncApiError, AsyncApiErrorCode } from './async-api.error';
import { type AsyncRawRequest, isValidIdempotencyKey } from './async-recognition-request';

/** The answer of `POST /v1/recognitions`; `replayed` when it is the stored answer of an earlier request. */
export interface AsyncAnswer extends StoredResponse {
  replayed: boolean;
}

/**
 * `POST /v1/recognitions`: the same admission as the sync endpoints (maintenance, key and quotas, request checks,
 * refusals in the error history) plus the `callbackUrl` policy, then an async order and its `recognize` job, and
 * 202 `{ orderid, status: "queued" }` at once. With an `Idempotency-Key` the key is claimed first (per API key), so
 * a retry replays the first 202 (one order, one bill) without spending quota again; the 202 is stored in the order's
 * own transaction, so a crash right after the order's commit still leaves the retry that answer. The API key is
 * looked up once: the owner found for the claim is the key admission counts.
 */
@Injectable()
export class AsyncRecognitionService {
  private readonly logger = new Logger(AsyncRecognitionService.name);

  constructor(
    @Inject(RecognitionAdmission) private readonly admission: RecognitionAdmission,
    @Inject(ACCESS) private readonly access: AccessPort,
    @Inject(ORDERS) private readonly orders: OrdersPort,
    @Inject(RecognitionQueue) private readonly queue: RecognitionQueue,
    @Inject(IdempotencyService) private readonly idempotency: IdempotencyService,
    @Inject(WebhookUrlPolicy) private readonly urls: WebhookUrlPolicy,
  ) {}

  /** @throws JuheError / AsyncApiError (the async API's filter answers them with their HTTP status). */
  async submit(raw: AsyncRawRequest, idempotencyKey: string | undefined, ip: string): Promise<AsyncAnswer> {
    if (idempotencyKey === undefined) return { ...(await this.accept(raw, ip)), replayed: false };
    if (!isValidIdempotencyKey(idempotencyKey)) {
      throw new AsyncApiError(AsyncApiErrorCode.IdempotencyKeyInvalid, '1-255 printable ASCII characters');
    }
    const owner = await this.ownerOf(raw.key, ip);
    // An unknown or refused key cannot own idempotency keys: admission refuses it with its 100xx code.
    if (owner === null) return { ...(await this.accept(raw, ip)), replayed: false };
    const claim = await this.idempotency.claim(owner.id, idempotencyKey, requestFingerprint(raw));
    switch (claim.kind) {
      case 'replay': {
        const orderid = String(claim.response.body.orderid);
        this.logger.log(`key id ${owner.id}: idempotent replay of ${orderid}`);
        // Only the 202 is ever stored; it is rebuilt because jsonb gives the keys back in its own order.
        return { ...acceptedResponse(orderid), replayed: true };
      }
      case 'mismatch':
        throw new AsyncApiError(AsyncApiErrorCode.IdempotencyKeyReused);
      case 'in-progress':
        throw new AsyncApiError(AsyncApiErrorCode.IdempotencyKeyInProgress);
      case 'claimed':
        break;
    }
    const idempotency = { key: idempotencyKey, token: claim.token, response: acceptedResponse };
    try {
      return { ...(await this.accept(raw, ip, { owner, idempotency })), replayed: false };
    } catch (err) {
      // Taken over by a retry while this request was slow: that retry owns the key's one answer.
      if (err instanceof IdempotencyClaimLostError) throw new AsyncApiError(AsyncApiErrorCode.IdempotencyKeyInProgress);
      // Nothing was created (the answer is written with the order): a corrected retry may use the key.
      await this.idempotency.release(owner.id, idempotencyKey);
      throw err;
    }
  }

  private async accept(
    raw: AsyncRawRequest,
    ip: string,
    held: { owner?: AuthorizedKey; idempotency?: CreateOrderInput['idempotency'] } = {},
  ): Promise<StoredResponse> {
    const started = performance.now();
    const admitted = await this.admission.admit(raw, ip, {
      identified: held.owner,
      extraCheck: () => this.checkCallbackUrl(raw.callbackUrl),
    });
    const order = await this.orders.create(
      orderInputOf(admitted, 'async', ip, { callbackUrl: raw.callbackUrl ?? null, idempotency: held.idempotency }),
    );
    try {
      await this.queue.enqueue(order);
    } catch (err) {
      // The order exists: the sweeper enqueues it once it looks stuck, so the client still gets its 202.
      this.logger.warn(`order ${order.orderid}: enqueue failed (${(err as Error).message}), left to the sweeper`);
    }
    const ms = Math.round(performance.now() - started);
    this.logger.log(`order ${order.orderid} cardType ${order.cardType} accepted (async) in ${ms} ms`);
    return acceptedResponse(order.orderid);
  }

  private async checkCallbackUrl(callbackUrl: string | undefined): Promise<void> {
    if (callbackUrl === undefined) return;
    const check = await this.urls.check(callbackUrl);
    if (!check.ok) throw new AsyncApiError(AsyncApiErrorCode.CallbackUrlRefused, check.problem);
  }

  /** The key that may own idempotency keys, or null when admission will refuse it anyway. */
  private async ownerOf(key: string | undefined, ip: string): Promise<AuthorizedKey | null> {
    try {
      return await this.access.identify({ key, ip });
    } catch (err) {
      if (err instanceof AccessDeniedError) return null;
      throw err;
    }
  }
}

/** The 202 of an accepted async request, as first answered and as replayed. */
function acceptedResponse(orderid: string): StoredResponse {
  return { status: 202, body: { orderid, status: 'queued' } };
}
