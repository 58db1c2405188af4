import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import { type JuheEnvelope, JuheError, JuheErrorCode } from '@zhengjian/juhe';
import { ORDERS, type OrdersPort } from '@zhengjian/orders';
import { RecognitionQueue } from '@zhengjian/queue';
import { OrderCompletionWaiter } from './order-completion.waiter';
import { orderEnvelope } from '../admission/order-envelope';
import { RecognitionAdmission } from '../admission/recognition-admission.service';
import type { RawRecognitionRequest } from '../admission/recognition-request';

/**
 * The synchronous Juhe endpoints' flow: admission ({@link RecognitionAdmission}: maintenance, key, request checks,
 * refusals recorded) → order row (image encrypted) → `recognize` job → wait up to `syncTimeoutMs` → the answer, read
 * from the order row. Once the order exists it is the record (a timeout answers 215300 while the order completes).
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

  async recognize(raw: RawRecognitionRequest, ip: string): Promise<JuheEnvelope<Record<string, unknown>>> {
    const started = performance.now();
    const { apiKeyId, request } = await this.admission.admit(raw, ip);
    const order = await this.orders.create({
      apiKeyId,
      userid: request.userid ?? null,
      cardType: request.cardType,
      mode: 'sync',
      image: request.image,
      mime: request.mime,
      returnOrderId: request.returnOrderId,
      ip,
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
}
