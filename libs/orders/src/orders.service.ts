import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@zhengjian/config';
import { JuheErrorCode, generateOrderId, isBillable } from '@zhengjian/juhe';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { DataCipher } from './crypto/data.cipher';
import { ImageDigest } from './crypto/image-digest';
import { ErrorEventEntity } from './entities/error-event.entity';
import { OrderImageEntity } from './entities/order-image.entity';
import { OrderEntity } from './entities/order.entity';
import { IdempotencyClaimLostError } from './idempotency-claim-lost.error';
import { toOrderView } from './order.mapper';
import type { CreateOrderInput, FinishOrderInput, OrderView, OrdersPort } from './orders.contract';
import { UNIQUE_VIOLATION, imageContext, resultContext } from './orders.constants';

const UNFINISHED = ['queued', 'processing'] as const;
/** The codes Juhe bills, as a SQL array parameter. */
const BILLABLE_CODES = [JuheErrorCode.Success, JuheErrorCode.RecognitionFailed];
/** Retries of an insert whose fresh `orderid` collided with another process's (p ≈ 10^-5 per second, see order-id). */
const ORDERID_ATTEMPTS = 3;

/**
 * Orders, their encrypted images and results, billing and error history in Postgres (`OrdersPort`). All times come
 * from the database clock (`now()`), so api and worker machines with skewed clocks still agree on ages and durations.
 */
@Injectable()
export class OrdersService implements OrdersPort {
  private readonly logger = new Logger(OrdersService.name);
  private readonly imageDigest: ImageDigest;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DataCipher) private readonly cipher: DataCipher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.imageDigest = new ImageDigest(config.dataKey);
  }

  async create(input: CreateOrderInput): Promise<OrderView> {
    const started = performance.now();
    // Keyed (HMAC under DATA_KEY): the column must not tell a database reader whether a known image was sent.
    const imageSha256 = this.imageDigest.of(input.image);
    for (let attempt = 1; ; attempt++) {
      const id = randomUUID();
      const order = this.dataSource.manager.create(OrderEntity, {
        id,
        orderid: generateOrderId(),
        apiKeyId: input.apiKeyId,
        userid: input.userid ?? null,
        cardType: input.cardType,
        mode: input.mode,
        provider: null,
        status: 'queued',
        errorCode: null,
        reason: null,
        resultEnc: null,
        imageSha256,
        returnOrderId: input.returnOrderId ?? false,
        callbackUrl: input.callbackUrl ?? null,
        detail: input.detail ?? false,
        crop: input.crop ?? false,
        clientIp: input.ip ?? null,
        attempts: 0,
        startedAt: null,
        finishedAt: null,
        durationMs: null,
        erasedAt: null,
        erasedBy: null,
      });
      try {
        await this.dataSource.transaction(async (m) => {
          await m.insert(OrderEntity, order);
          await m.insert(OrderImageEntity, {
            orderId: id,
            bytesEnc: this.cipher.encrypt(input.image, imageContext(id)),
            mime: input.mime ?? null,
          });
          if (input.idempotency) await this.answerIdempotencyKey(m, input.apiKeyId, input.idempotency, order.orderid);
        });
      } catch (err) {
        if (attempt < ORDERID_ATTEMPTS && isUniqueViolation(err, 'orders_orderid_key')) continue;
        throw err;
      }
      // `insert` filled created_at/updated_at from the database's RETURNING, so the entity is the row as stored.
      const ms = Math.round(performance.now() - started);
      this.logger.debug(`order ${order.orderid} created (cardType ${order.cardType}, ${order.mode}) in ${ms} ms`);
      return toOrderView(order);
    }
  }

  async findById(id: string): Promise<OrderView | null> {
    const row = await this.dataSource.manager.findOneBy(OrderEntity, { id });
    return row ? toOrderView(row) : null;
  }

  async findByOrderId(orderid: string, apiKeyId?: string): Promise<OrderView | null> {
    const row = await this.dataSource.manager.findOneBy(
      OrderEntity,
      apiKeyId === undefined ? { orderid } : { orderid, apiKeyId },
    );
    return row ? toOrderView(row) : null;
  }

  async loadImage(id: string): Promise<Buffer | null> {
    const row = await this.dataSource.manager.findOneBy(OrderImageEntity, { orderId: id });
    return row ? this.cipher.decrypt(row.bytesEnc, imageContext(id)) : null;
  }

  async loadResult(id: string): Promise<Record<string, unknown> | null> {
    const row = await this.dataSource.manager.findOne(OrderEntity, {
      where: { id },
      select: { id: true, resultEnc: true },
    });
    if (!row?.resultEnc) return null;
    return this.cipher.decryptJson<Record<string, unknown>>(row.resultEnc, resultContext(id));
  }

  async markProcessing(id: string): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(OrderEntity)
      .set({ status: 'processing', attempts: () => 'attempts + 1', startedAt: () => 'now()', updatedAt: () => 'now()' })
      .where('id = :id AND status IN (:...statuses)', { id, statuses: UNFINISHED })
      .returning(['orderid', 'attempts'])
      .execute();
    const [changed] = result.raw as { orderid: string; attempts: number }[];
    if (!changed) this.logger.debug(`order ${id} not taken: finished or unknown`);
    else this.logger.debug(`order ${changed.orderid} processing (attempt ${changed.attempts})`);
    return changed !== undefined;
  }

  async finish(id: string, input: FinishOrderInput): Promise<boolean> {
    const started = performance.now();
    const done = await this.dataSource.transaction(async (m) => {
      // The row lock serialises racing workers: the second one waits here, then sees a finished order.
      const order = await m
        .createQueryBuilder(OrderEntity, 'o')
        .setLock('pessimistic_write')
        .where('o.id = :id', { id })
        .getOne();
      if (!order || order.status === 'succeeded' || order.status === 'failed') return null;
      await this.writeOutcome(m, order, input);
      return order;
    });
    const ms = Math.round(performance.now() - started);
    if (!done) {
      this.logger.warn(`order ${id} not finished again: already finished or unknown (${ms} ms)`);
      return false;
    }
    const billed = done.mode === 'async' && isBillable(input.errorCode) ? ', billed' : '';
    this.logger.log(`order ${done.orderid} finished with ${input.errorCode} by ${input.provider}${billed} in ${ms} ms`);
    return true;
  }

  async billAnswered(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO billing_records (id, order_id, api_key_id, card_type, error_code)
       SELECT $2, o.id, o.api_key_id, o.card_type, o.error_code FROM orders o
        WHERE o.id = $1 AND o.mode = 'sync' AND o.status IN ('succeeded', 'failed') AND o.error_code = ANY($3)
       ON CONFLICT (order_id) DO NOTHING
       RETURNING order_id`,
      [id, randomUUID(), BILLABLE_CODES],
    );
    if (rows.length === 0) this.logger.warn(`sync order ${id} not billed: not a finished billable order, or billed`);
    return rows.length > 0;
  }

  async cancelUnstarted(
    id: string,
    input: { errorCode: number; reason: string; detail: string; olderThanMs?: number },
  ): Promise<boolean> {
    const cancelled = await this.dataSource.transaction(async (m) => {
      const [rows] = (await m.query(
        `UPDATE orders SET status = 'failed', error_code = $2, reason = $3, finished_at = now(), updated_at = now(),
           duration_ms = round(extract(epoch FROM now() - created_at) * 1000)
          WHERE id = $1 AND status = 'queued'
            AND created_at <= now() - CAST($4 AS double precision) * interval '1 millisecond'
          RETURNING orderid, api_key_id, client_ip`,
        [id, input.errorCode, input.reason, input.olderThanMs ?? 0],
      )) as [{ orderid: string; api_key_id: string; client_ip: string | null }[], number];
      const order = rows[0];
      if (!order) return null;
      await m.insert(ErrorEventEntity, {
        id: randomUUID(),
        orderId: id,
        apiKeyId: order.api_key_id,
        errorCode: input.errorCode,
        reason: input.reason,
        detail: input.detail,
        ip: order.client_ip,
      });
      if (!this.config.retainImages) await m.delete(OrderImageEntity, { orderId: id });
      return order.orderid;
    });
    if (cancelled) this.logger.log(`order ${cancelled} cancelled before it started: ${input.detail}`);
    return cancelled !== null;
  }

  async findStuck(olderThanMs: number, limit: number): Promise<OrderView[]> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(OrderEntity, 'o')
      .where('o.status IN (:...statuses)', { statuses: UNFINISHED })
      .andWhere(`o.updated_at < now() - CAST(:ms AS double precision) * interval '1 millisecond'`, { ms: olderThanMs })
      .orderBy('o.updated_at', 'ASC')
      .limit(limit)
      .getMany();
    return rows.map(toOrderView);
  }

  async recordRequestError(input: {
    apiKeyId?: string | null;
    errorCode: number;
    reason: string;
    detail?: string | null;
    ip?: string | null;
  }): Promise<void> {
    if (!input.apiKeyId && input.ip) {
      // No known key (made-up keys, an IP over its rate): one counted row per IP, code and minute, so a flood
      // writes O(1) rows. `detail` and `reason` are the minute's first.
      await this.dataSource.query(
        `INSERT INTO error_events (id, order_id, api_key_id, error_code, reason, detail, ip, count, minute)
         VALUES ($1, NULL, NULL, $2, $3, $4, $5, 1, date_trunc('minute', now()))
         ON CONFLICT (error_code, ip, minute) WHERE minute IS NOT NULL
         DO UPDATE SET count = error_events.count + 1`,
        [randomUUID(), input.errorCode, input.reason, input.detail ?? null, input.ip],
      );
      return;
    }
    await this.dataSource.manager.insert(ErrorEventEntity, {
      id: randomUUID(),
      orderId: null,
      apiKeyId: input.apiKeyId ?? null,
      errorCode: input.errorCode,
      reason: input.reason,
      detail: input.detail ?? null,
      ip: input.ip ?? null,
    });
    this.logger.debug(`request error ${input.errorCode} recorded (key ${input.apiKeyId ?? 'none'})`);
  }

  /** Stores the key's answer with the order; the claim's `created_at` (token) proves the claim is still ours. */
  private async answerIdempotencyKey(
    m: EntityManager,
    apiKeyId: string,
    claim: NonNullable<CreateOrderInput['idempotency']>,
    orderid: string,
  ): Promise<void> {
    const [, count] = (await m.query(
      `UPDATE idempotency_keys SET response = $4
        WHERE api_key_id = $1 AND key = $2 AND created_at = $3::timestamptz AND response IS NULL`,
      [apiKeyId, claim.key, claim.token, JSON.stringify(claim.response(orderid))],
    )) as [unknown, number];
    if (count !== 1) throw new IdempotencyClaimLostError(`idempotency key of key id ${apiKeyId} taken over`);
  }

  /** The writes of `finish`, inside its transaction, with the order row locked. */
  private async writeOutcome(m: EntityManager, order: OrderEntity, input: FinishOrderInput): Promise<void> {
    const success = input.errorCode === 0;
    // Only a success has a result to keep; failures answer `result: null`, so nothing is stored for them.
    const resultEnc = success && input.result ? this.cipher.encryptJson(input.result, resultContext(order.id)) : null;
    await m.query(
      `UPDATE orders SET status = $2, error_code = $3, reason = $4, result_enc = $5, provider = $6,
         finished_at = now(), updated_at = now(),
         duration_ms = round(extract(epoch FROM now() - coalesce(started_at, created_at)) * 1000)
       WHERE id = $1`,
      [order.id, success ? 'succeeded' : 'failed', input.errorCode, input.reason, resultEnc, input.provider],
    );
    // A sync order is billed by the api when its client is answered (billAnswered), never here.
    if (order.mode === 'async' && isBillable(input.errorCode)) {
      // Plain INSERT (no ON CONFLICT): with the row lock a second charge cannot happen, and if a bug ever tried one,
      // the unique order_id makes it an error that rolls the whole finish back rather than a silent no-op.
      await m.query(
        `INSERT INTO billing_records (id, order_id, api_key_id, card_type, error_code) VALUES ($1, $2, $3, $4, $5)`,
        [randomUUID(), order.id, order.apiKeyId, order.cardType, input.errorCode],
      );
    }
    if (!success) {
      await m.insert(ErrorEventEntity, {
        id: randomUUID(),
        orderId: order.id,
        apiKeyId: order.apiKeyId,
        errorCode: input.errorCode,
        reason: input.reason,
        detail: input.failureDetail ?? null,
        ip: order.clientIp,
      });
    }
    if (!this.config.retainImages) await m.delete(OrderImageEntity, { orderId: order.id });
  }
}

function isUniqueViolation(err: unknown, constraint: string): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const driverError = err.driverError as { code?: string; constraint?: string } | undefined;
  return driverError?.code === UNIQUE_VIOLATION && driverError.constraint === constraint;
}
