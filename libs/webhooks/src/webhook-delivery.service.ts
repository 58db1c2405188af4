import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { ORDERS, type OrdersPort } from '@zhengjian/orders';
import { DataSource } from 'typeorm';
import { type WebhookAttemptStatus, WebhookDeliveryEntity } from './entities/webhook-delivery.entity';
import { KeyWebhookSettingsReader } from './key-webhook-settings.reader';
import { WebhookAttemptError } from './webhook-attempt.error';
import { type WebhookHttpResult, WebhookHttpClient } from './webhook-http.client';
import { webhookPayload } from './webhook-payload';
import { WEBHOOK_HEADERS, signWebhook, unixSeconds } from './webhook-signature';

/** What one run of a `deliver` job did. */
export type DeliveryOutcome = 'delivered' | 'already-delivered';

/**
 * Runs one attempt of a delivery chain: rebuilds the payload from the order, signs it with the key's secret
 * (decrypted here, at signing time), POSTs it and records the attempt (`attempt`, `status_code`, `duration_ms`,
 * `error`, `status`). Idempotent: a chain already delivered is left alone, and a re-run of the same attempt (a
 * worker killed mid-request) updates that attempt's row.
 *
 * @throws WebhookAttemptError when the attempt failed and BullMQ should retry (backoff from the job options);
 *   UnrecoverableError when retrying cannot help (the chain or order is gone, no secret, a refused address).
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
   * @param attempt 1-based number of this attempt (`X-Zhengjian-Attempt`).
   * @param maxAttempts attempts of the chain in total: a failure of the last one marks the row `failed`.
   */
  async deliver(deliveryId: string, attempt: number, maxAttempts: number): Promise<DeliveryOutcome> {
    const chain = await this.dataSource.manager.find(WebhookDeliveryEntity, {
      where: { deliveryId },
      order: { attempt: 'ASC' },
    });
    const first = chain[0];
    if (!first) throw new UnrecoverableError(`webhook delivery ${deliveryId} does not exist`);
    if (chain.some((row) => row.status === 'delivered')) return 'already-delivered';
    const row = chain.find((r) => r.attempt === attempt) ?? (await this.addAttempt(first, attempt));
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
    const status: WebhookAttemptStatus =
      result.error === null ? 'delivered' : result.refused || attempt >= maxAttempts ? 'failed' : 'retrying';
    await this.record(row.id, status, result);
    const what = `order ${order.orderid} delivery ${deliveryId} attempt ${attempt}/${maxAttempts}`;
    if (status === 'delivered') {
      this.logger.log(`${what}: delivered (HTTP ${result.statusCode}) in ${result.durationMs} ms`);
      return 'delivered';
    }
    this.logger.warn(`${what}: ${result.error} after ${result.durationMs} ms, ${status}`);
    if (result.refused) throw new UnrecoverableError(`${what}: target refused`);
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

  private async record(rowId: string, status: WebhookAttemptStatus, result: WebhookHttpResult): Promise<void> {
    await this.dataSource.manager.update(
      WebhookDeliveryEntity,
      { id: rowId },
      { status, statusCode: result.statusCode, durationMs: result.durationMs, error: result.error },
    );
  }

  /** Records a permanent failure on the attempt and returns the error that stops the retries. */
  private async giveUp(row: WebhookDeliveryEntity, why: string): Promise<UnrecoverableError> {
    await this.dataSource.manager.update(WebhookDeliveryEntity, { id: row.id }, { status: 'failed', error: why });
    this.logger.warn(`webhook delivery ${row.deliveryId} attempt ${row.attempt}: ${why}, giving up`);
    return new UnrecoverableError(`webhook delivery ${row.deliveryId}: ${why}`);
  }
}
