import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { ORDERS, type OrdersPort } from '@zhengjian/orders';
import { DataSource } from 'typeorm';
import type { UnrecordedAttemptData } from '@zhengjian/queue';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity';
import { KeyWebhookSettingsReader } from './key-webhook-settings.reader';
import { UnrecordedAttemptError, WebhookAttemptError, WebhookChainFailedError } from './webhook-attempt.error';
import { WebhookHttpClient } from './webhook-http.client';
import { webhookPayload } from './webhook-payload';
import { WEBHOOK_HEADERS, signWebhook, unixSeconds } from './webhook-signature';

/** What one run of a `deliver` job did. */
export type DeliveryOutcome = 'delivered' | 'already-delivered';

/** Waits between tries to record an attempt while PostgreSQL does not answer (about 15 s in all). */
export const RECORD_RETRY_DELAYS_MS: readonly number[] = [500, 1_000, 2_000, 4_000, 8_000];

/**
 * Runs one attempt of a delivery chain: rebuilds the payload from the order, signs it with the key's secret
 * (decrypted here, at signing time), POSTs it and records the attempt (`attempt`, `status_code`, `duration_ms`,
 * `error`, `status`). PostgreSQL is the truth: the attempt number is the chain's next one as recorded there (a
 * chain resumed by the sweeper after Redis lost its job goes on where it stopped), and a chain already delivered or
 * failed is left alone. A re-run of an attempt that was never answered (a worker killed mid-request) updates that
 * attempt's row. An attempt whose record PostgreSQL refuses is retried for a while, then handed back to the caller
 * ({@link UnrecordedAttemptError}) to be written by the next run.
 *
 * @throws WebhookAttemptError when the attempt failed and BullMQ should retry (backoff from the job options);
 *   WebhookChainFailedError when it was the last; UnrecoverableError when retrying cannot help (the chain or order
 *   is gone, no secret, a refused address); UnrecordedAttemptError (above).
 */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger(WebhookDeliveryService.name);

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ORDERS) private readonly orders: OrdersPort,
    @Inject(KeyWebhookSettingsReader) private readonly settings: KeyWebhookSettingsReader,
    @Inject(WebhookHttpClient) private readonly http: WebhookHttpClient,
  ) {}

  /**
   * @param maxAttempts attempts of the chain in total: a failure of the last one marks the row `failed`.
   * @param unrecorded an attempt of an earlier run still to be written (written first).
   */
  async deliver(deliveryId: string, maxAttempts: number, unrecorded?: UnrecordedAttemptData): Promise<DeliveryOutcome> {
    if (unrecorded) await this.writeAttempt(deliveryId, unrecorded);
    const chain = await this.dataSource.manager.find(WebhookDeliveryEntity, {
      where: { deliveryId },
      order: { attempt: 'ASC' },
    });
    const first = chain[0];
    const last = chain[chain.length - 1];
    if (!first || !last) throw new UnrecoverableError(`webhook delivery ${deliveryId} does not exist`);
    if (chain.some((row) => row.status === 'delivered')) return 'already-delivered';
    if (last.status === 'failed') throw new WebhookChainFailedError(`webhook delivery ${deliveryId} already failed`);
    const attempt = last.status === 'pending' ? last.attempt : last.attempt + 1;
    const row = last.status === 'pending' ? last : await this.addAttempt(first, attempt);
    const order = await this.orders.findById(first.orderId);
    if (!order) throw await this.giveUp(row, 'the order is gone');
    const secret = await this.settings.secret(order.apiKeyId);
    if (!secret) throw await this.giveUp(row, 'the API key has no webhook secret');

    const body = JSON.stringify(webhookPayload(order));
    const timestamp = unixSeconds();
    const result = await this.http.post(
      row.url,
      {
        'content-type': 'application/json',
        'user-agent': 'zhengjian-webhooks/1',
        [WEBHOOK_HEADERS.timestamp]: String(timestamp),
        [WEBHOOK_HEADERS.signature]: signWebhook(secret, timestamp, body),
        [WEBHOOK_HEADERS.delivery]: deliveryId,
        [WEBHOOK_HEADERS.attempt]: String(attempt),
      },
      body,
    );
    const status: UnrecordedAttemptData['status'] =
      result.error === null ? 'delivered' : result.refused || attempt >= maxAttempts ? 'failed' : 'retrying';
    await this.recordWithRetries(deliveryId, {
      attempt,
      status,
      statusCode: result.statusCode,
      durationMs: result.durationMs,
      error: result.error,
    });
    const what = `order ${order.orderid} delivery ${deliveryId} attempt ${attempt}/${maxAttempts}`;
    if (status === 'delivered') {
      this.logger.log(`${what}: delivered (HTTP ${result.statusCode}) in ${result.durationMs} ms`);
      return 'delivered';
    }
    this.logger.warn(`${what}: ${result.error} after ${result.durationMs} ms, ${status}`);
    if (result.refused) throw new UnrecoverableError(`${what}: target refused`);
    if (status === 'failed') throw new WebhookChainFailedError(`${what}: ${result.error}, no attempts left`);
    throw new WebhookAttemptError(`${what}: ${result.error}`);
  }

  private async addAttempt(first: WebhookDeliveryEntity, attempt: number): Promise<WebhookDeliveryEntity> {
    await this.dataSource.query(
      `INSERT INTO webhook_deliveries (id, delivery_id, order_id, url, attempt, status)
       VALUES ($1, $2, $3, $4, $5, 'pending')
       ON CONFLICT (delivery_id, attempt) DO NOTHING`,
      [randomUUID(), first.deliveryId, first.orderId, first.url, attempt],
    );
    return this.dataSource.manager.findOneByOrFail(WebhookDeliveryEntity, { deliveryId: first.deliveryId, attempt });
  }

  /** Records an attempt made; while PostgreSQL refuses, tries again, then hands it back to be written later. */
  private async recordWithRetries(deliveryId: string, attempt: UnrecordedAttemptData): Promise<void> {
    for (let tries = 0; ; tries++) {
      try {
        await this.writeAttempt(deliveryId, attempt);
        return;
      } catch (err) {
        const delay = RECORD_RETRY_DELAYS_MS[tries];
        if (delay === undefined) throw new UnrecordedAttemptError(attempt, err);
        this.logger.warn(`webhook delivery ${deliveryId} attempt ${attempt.attempt}: record failed, retrying`);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  private async writeAttempt(deliveryId: string, attempt: UnrecordedAttemptData): Promise<void> {
    await this.dataSource.manager.update(
      WebhookDeliveryEntity,
      { deliveryId, attempt: attempt.attempt },
      { status: attempt.status, statusCode: attempt.statusCode, durationMs: attempt.durationMs, error: attempt.error },
    );
  }

  /** Records a permanent failure on the attempt and returns the error that stops the retries. */
  private async giveUp(row: WebhookDeliveryEntity, why: string): Promise<UnrecoverableError> {
    await this.dataSource.manager.update(WebhookDeliveryEntity, { id: row.id }, { status: 'failed', error: why });
    this.logger.warn(`webhook delivery ${row.deliveryId} attempt ${row.attempt}: ${why}, giving up`);
    return new UnrecoverableError(`webhook delivery ${row.deliveryId}: ${why}`);
  }
}
