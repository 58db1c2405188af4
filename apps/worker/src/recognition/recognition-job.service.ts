import { Inject, Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import { JuheErrorCode, reasonFor } from '@zhengjian/juhe';
import { ORDERS, type OrdersPort } from '@zhengjian/orders';
import { ZhengjianMetrics } from '@zhengjian/metrics';
import { type RecognitionProvider, toEnvelope } from '@zhengjian/recognition';
import { WebhookScheduler } from '@zhengjian/webhooks';
import { RECOGNITION_PROVIDER } from './recognition-engine.provider';

/** What one run of a `recognize` job did. */
export type RecognitionJobOutcome = 'finished' | 'already-finished' | 'cancelled';

/**
 * Runs one order through the configured provider (`RECOGNITION_PROVIDER`) and finishes it, recording which provider
 * answered. Idempotent: an order already finished (a re-run after a
 * crash, a duplicate job) is left alone, so it is never billed twice. Transient failures (database down) throw plain
 * errors for BullMQ to retry; permanent ones throw `UnrecoverableError` after recording why.
 */
@Injectable()
export class RecognitionJobService {
  private readonly logger = new Logger(RecognitionJobService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ORDERS) private readonly orders: OrdersPort,
    @Inject(RECOGNITION_PROVIDER) private readonly provider: RecognitionProvider,
    @Inject(ZhengjianMetrics) private readonly metrics: ZhengjianMetrics,
    @Inject(WebhookScheduler) private readonly webhooks: WebhookScheduler,
  ) {}

  /** @param orderId the order's internal id (the job payload). */
  async run(orderId: string): Promise<RecognitionJobOutcome> {
    const started = performance.now();
    const order = await this.orders.findById(orderId);
    if (!order) throw new UnrecoverableError(`order ${orderId} does not exist`);
    if (order.mode === 'sync' && (await this.cancelIfClientGone(order.id))) return 'cancelled';
    if (!(await this.orders.markProcessing(order.id))) {
      this.logger.log(`order ${order.orderid} already finished: nothing to do`);
      // A re-run after a crash between finishing and scheduling: the webhook is scheduled now (idempotent).
      if (order.mode === 'async') await this.webhooks.scheduleForOrder(order.id);
      return 'already-finished';
    }
    const image = await this.orders.loadImage(order.id);
    if (!image) {
      await this.finishFailed(order.id, 'the order image is gone');
      throw new UnrecoverableError(`order ${order.orderid}: image gone`);
    }
    // `_detail` is always computed and stored (encrypted); the api returns it only when `detail=1` was sent. The
    // document's outline (`_detail.document`, a fraction of a second) and the crop (an image of the document, stored
    // encrypted with the result) are made only for an order that asked for them.
    const report = await this.provider.recognize(order.cardType, image, {
      detail: true,
      crop: order.crop,
      outline: order.detail,
    });
    const labels = { card_type: order.cardType, provider: report.provider };
    this.metrics.recognitionDuration.observe(labels, report.timings.totalMs / 1000);
    const result = report.errorCode === JuheErrorCode.Success ? toEnvelope(report).result : null;
    const written = await this.orders.finish(order.id, {
      errorCode: report.errorCode,
      reason: report.reason,
      result,
      provider: report.provider,
      failureDetail: report.failureDetail ?? null,
    });
    const ms = Math.round(performance.now() - started);
    const engineMs = Math.round(report.timings.totalMs);
    this.logger.log(
      `order ${order.orderid} cardType ${order.cardType}: ${report.errorCode} in ${ms} ms (${report.provider} ${engineMs} ms)` +
        (written ? '' : ', already finished by another run'),
    );
    // After the commit, so a receiver that reads the order at once finds it finished. A failure here fails the job:
    // its retry takes the already-finished path above and schedules again.
    if (order.mode === 'async') await this.webhooks.scheduleForOrder(order.id);
    return 'finished';
  }

  /**
   * The job's last attempt failed: the order is finished as 10014 with an error row, so the client and the error
   * history see the outcome. When even that write fails, the sweeper re-enqueues the order later.
   */
  async failPermanently(orderId: string, err: unknown, attempts: number): Promise<void> {
    const what = err instanceof Error ? err.name : 'unknown error';
    try {
      await this.finishFailed(orderId, `job failed after ${attempts} attempts (${what})`);
      await this.webhooks.scheduleForOrder(orderId);
    } catch (writeErr) {
      this.logger.error(`order id ${orderId}: could not record the final failure: ${(writeErr as Error).message}`);
    }
  }

  /**
   * A sync order still queued after its client's wait (`SYNC_TIMEOUT_MS`) has no client left to answer (the api
   * answered 215300, or died): it is cancelled, unbilled, instead of spending a worker on it.
   */
  private async cancelIfClientGone(orderId: string): Promise<boolean> {
    return this.orders.cancelUnstarted(orderId, {
      errorCode: JuheErrorCode.NetworkError,
      reason: reasonFor(JuheErrorCode.NetworkError),
      detail: 'cancelled before it started: its client stopped waiting (SYNC_TIMEOUT_MS)',
      olderThanMs: this.config.syncTimeoutMs,
    });
  }

  private async finishFailed(orderId: string, detail: string): Promise<void> {
    await this.orders.finish(orderId, {
      errorCode: JuheErrorCode.InternalError,
      reason: reasonFor(JuheErrorCode.InternalError),
      result: null,
      provider: this.provider.name,
      failureDetail: detail,
    });
    this.logger.warn(`order id ${orderId} failed: 10014 (${detail})`);
  }
}
