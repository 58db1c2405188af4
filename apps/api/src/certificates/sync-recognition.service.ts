import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import { type JuheEnvelope, JuheError, JuheErrorCode, isBillable, reasonFor } from '@zhengjian/juhe';
import { ORDERS, type OrderView, type OrdersPort } from '@zhengjian/orders';
import { RecognitionQueue } from '@zhengjian/queue';
import { OrderCompletionWaiter } from './order-completion.waiter';
import { orderEnvelope } from '../admission/order-envelope';
import { RecognitionAdmission, orderInputOf } from '../admission/recognition-admission.service';
import type { RawRecognitionRequest } from '../admission/recognition-request';

/**
 * The synchronous Juhe endpoints' flow: admission ({@link RecognitionAdmission}: maintenance, overload, key, request
 * checks, refusals recorded) → order row (image encrypted) → `recognize` job → wait up to `syncTimeoutMs` → the
 * answer, read from the order row.
 *
 * Billing follows what the client saw: the client of a sync order has no orderid, so an answer it never got (215300
 * on a timeout, 10014, a dropped connection) must not cost it anything when it retries. The order is billed here,
 * just before a billable answer (0 or 215305) is written, never by the worker; when the client is gone, an order no
 * worker has started is cancelled, and one already running completes unbilled.
 *
 * @throws JuheError for every contract failure (the global filter turns it into the envelope).
 */
@Injectable()
export class SyncRecognitionService {
  private readonly logger = new Logger(SyncRecognitionService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RecognitionAdmission) private readonly admission: RecognitionAdmission,
    @Inject(ORDERS) private readonly orders: OrdersPort,
    @Inject(RecognitionQueue) private readonly queue: RecognitionQueue,
    @Inject(OrderCompletionWaiter) private readonly waiter: OrderCompletionWaiter,
  ) {}

  /** @param clientGone aborted when the client closes the connection before it is answered. */
  async recognize(
    raw: RawRecognitionRequest,
    ip: string,
    clientGone?: AbortSignal,
  ): Promise<JuheEnvelope<Record<string, unknown>>> {
    const started = performance.now();
    const admitted = await this.admission.admit(raw, ip, { refuseWhenOverloaded: true });
    const order = await this.orders.create(orderInputOf(admitted, 'sync', ip));
    try {
      await this.queue.enqueue(order);
      const finished = await this.waiter.waitFor(order, this.config.syncTimeoutMs, clientGone);
      const elapsed = Math.round(performance.now() - started);
      if (clientGone?.aborted) throw clientGoneError(order, `after ${elapsed} ms`);
      if (!finished) {
        throw new JuheError(JuheErrorCode.NetworkError, `order ${order.orderid} not finished after ${elapsed} ms`);
      }
      const stored = finished.errorCode === JuheErrorCode.Success ? await this.orders.loadResult(finished.id) : null;
      const envelope = orderEnvelope(finished, stored, {
        detail: admitted.request.detail,
        crop: admitted.request.crop,
      });
      if (clientGone?.aborted) throw clientGoneError(order, 'before its answer');
      // Last step before the answer goes out: a failure here answers 10014, unbilled.
      if (isBillable(envelope.error_code)) await this.orders.billAnswered(finished.id);
      this.logger.log(`order ${order.orderid} cardType ${order.cardType}: ${finished.errorCode} in ${elapsed} ms`);
      return envelope;
    } catch (err) {
      await this.cancelUnstarted(order, err);
      throw err;
    }
  }

  /** The client will not get this order's answer: a job not started yet is cancelled, a running one left unbilled. */
  private async cancelUnstarted(order: OrderView, err: unknown): Promise<void> {
    const why = err instanceof Error ? err.message : String(err);
    try {
      const cancelled = await this.orders.cancelUnstarted(order.id, {
        errorCode: JuheErrorCode.NetworkError,
        reason: reasonFor(JuheErrorCode.NetworkError),
        detail: `cancelled before it started, the client was not answered (${why})`,
      });
      // Its job would only find a finished order: out of the queue, so it does not count as a backlog.
      if (cancelled) await this.queue.remove(order);
      const what = cancelled ? 'cancelled' : 'left to finish unbilled (started or finished)';
      this.logger.warn(`order ${order.orderid}: client not answered (${why}), ${what}`);
    } catch (cancelErr) {
      // The worker still sees a sync order past its client's timeout and cancels it then; it is never billed.
      this.logger.warn(`order ${order.orderid}: could not cancel (${(cancelErr as Error).message})`);
    }
  }
}

/** The client closed its connection before it was answered; nobody receives this error (it only ends the flow). */
function clientGoneError(order: OrderView, when: string): JuheError {
  return new JuheError(JuheErrorCode.NetworkError, `order ${order.orderid}: client gone ${when}`);
}
