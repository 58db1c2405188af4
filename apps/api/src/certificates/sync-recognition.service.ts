import { Inject, Injectable, Logger } from '@nestjs/common';
import { ACCESS } from '@zhengjian/access';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import { type JuheEnvelope, JuheError, JuheErrorCode, parseCardType } from '@zhengjian/juhe';
import { type AccessPort, ORDERS, type OrdersPort } from '@zhengjian/orders';
import { RecognitionQueue } from '@zhengjian/queue';
import { OrderCompletionWaiter } from './order-completion.waiter';
import { orderEnvelope } from './order-envelope';
import type { RawRecognitionRequest, ValidRecognitionRequest } from './recognition-request';
import { validateRecognitionRequest } from './recognition-request.validator';

/**
 * The synchronous Juhe endpoints' flow: maintenance (10020) → key (100xx) → request checks (2153xx) → order row
 * (image encrypted) → `recognize` job → wait up to `syncTimeoutMs` → the answer, read from the order row. A refusal
 * before the order exists is recorded in the error history; after that, the order itself is the record (a timeout
 * answers 215300 while the order still completes).
 *
 * @throws JuheError for every contract failure (the global filter turns it into the envelope).
 */
@Injectable()
export class SyncRecognitionService {
  private readonly logger = new Logger(SyncRecognitionService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ACCESS) private readonly access: AccessPort,
    @Inject(ORDERS) private readonly orders: OrdersPort,
    @Inject(RecognitionQueue) private readonly queue: RecognitionQueue,
    @Inject(OrderCompletionWaiter) private readonly waiter: OrderCompletionWaiter,
  ) {}

  async recognize(raw: RawRecognitionRequest, ip: string): Promise<JuheEnvelope<Record<string, unknown>>> {
    const started = performance.now();
    const { apiKeyId, request } = await this.admit(raw, ip);
    const order = await this.orders.create({
      apiKeyId,
      userid: request.userid ?? null,
      cardType: request.cardType,
      mode: 'sync',
      image: request.image,
      mime: request.mime,
      returnOrderId: request.returnOrderId,
    });
    await this.queue.enqueue(order);
    const finished = await this.waiter.waitFor(order, this.config.syncTimeoutMs);
    const elapsed = Math.round(performance.now() - started);
    if (!finished) {
      this.logger.warn(`order ${order.orderid} not finished after ${elapsed} ms: 215300, it keeps running`);
      throw new JuheError(JuheErrorCode.NetworkError, `order ${order.orderid} still running`);
    }
    const stored = finished.errorCode === JuheErrorCode.Success ? await this.orders.loadResult(finished.id) : null;
    this.logger.log(`order ${order.orderid} cardType ${order.cardType}: ${finished.errorCode} in ${elapsed} ms`);
    return orderEnvelope(finished, stored, { detail: request.detail });
  }

  /** Every check that comes before an order exists; a refusal is recorded, then rethrown. */
  private async admit(raw: RawRecognitionRequest, ip: string): Promise<{ apiKeyId: string; request: ValidRecognitionRequest }> {
    let apiKeyId: string | null = null;
    try {
      if (this.config.maintenance) throw new JuheError(JuheErrorCode.Maintenance);
      const key = await this.access.authorize({ key: raw.key, ip, cardType: parseCardType(raw.cardType) ?? null });
      apiKeyId = key.id;
      return { apiKeyId, request: validateRecognitionRequest(raw, this.config.maxImageBytes) };
    } catch (err) {
      await this.recordRefusal(err, apiKeyId, ip);
      throw err;
    }
  }

  private async recordRefusal(err: unknown, apiKeyId: string | null, ip: string): Promise<void> {
    const juhe = err instanceof JuheError ? err : undefined;
    const errorCode = juhe?.code ?? JuheErrorCode.InternalError;
    this.logger.log(`request refused: ${errorCode}${apiKeyId ? ` (key id ${apiKeyId})` : ''}`);
    try {
      await this.orders.recordRequestError({
        apiKeyId,
        errorCode,
        reason: juhe?.reason ?? 'internal error before the order was created',
        detail: juhe?.detail ?? null,
        ip,
      });
    } catch (recordErr) {
      // The refusal itself must still reach the client; the failed write is only logged.
      this.logger.error(`could not record a ${errorCode} refusal: ${(recordErr as Error).message}`);
    }
  }
}
