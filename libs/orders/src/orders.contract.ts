import type { ProviderName } from '@zhengjian/config';
import type { StoredResponse } from './entities/idempotency-key.entity';

/**
 * The orders persistence contract the apps (api, worker) program against; `libs/orders` implements it (the access
 * contract, `AccessPort`, is `libs/access`'s own). Keep these shapes stable: both sides were written from this file.
 */

export type OrderMode = 'sync' | 'async';
export type OrderStatus = 'queued' | 'processing' | 'succeeded' | 'failed';
/** Who erased an order's personal data: the retention job, the owning key (`DELETE /v1/…`), an operator. */
export type ErasedBy = 'retention' | 'key' | 'admin';

/** An order as the apps see it. Personal data (image, result) is never on this object: load it explicitly. */
export interface OrderView {
  /** Internal uuid (primary key); BullMQ job payloads carry this or `orderid`, nothing else. */
  id: string;
  /** Juhe order number, `JH` + 22 digits. */
  orderid: string;
  apiKeyId: string;
  userid: string | null;
  cardType: number;
  mode: OrderMode;
  provider: ProviderName | null;
  status: OrderStatus;
  /** null until finished. */
  errorCode: number | null;
  reason: string | null;
  /** Client-facing `orderid=1` flag: whether the result must carry `orderid`. */
  returnOrderId: boolean;
  callbackUrl: string | null;
  /** The request asked for `_detail` (async orders: applied when the result is read). */
  detail: boolean;
  /** The request asked for `_crop`: the worker makes it (and stores it, encrypted, in the result) only then. */
  crop: boolean;
  attempts: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  durationMs: number | null;
  /** When its personal data was erased (image, result, userid: then null), and by whom; null before. */
  erasedAt: Date | null;
  erasedBy: ErasedBy | null;
}

export interface CreateOrderInput {
  apiKeyId: string;
  userid?: string | null;
  cardType: number;
  mode: OrderMode;
  /** Raw image bytes as uploaded; stored AES-256-GCM encrypted in `order_images`. */
  image: Buffer;
  mime?: string | null;
  returnOrderId?: boolean;
  callbackUrl?: string | null;
  /** `detail` was asked; stored so a later read of the result can honour it. Default false. */
  detail?: boolean;
  /** `crop` was asked: the worker adds the rectified document to the result. Default false. */
  crop?: boolean;
  /** Client IP of the request; kept on the order so a failure's `error_events` row carries it. */
  ip?: string | null;
  /**
   * The `Idempotency-Key` this request holds (claimed by the caller, `token` from the claim): its answer is stored
   * in the order's own transaction, so no crash can leave an order whose key a retry would take over. When the claim
   * was taken over meanwhile, nothing is created and `IdempotencyClaimLostError` is thrown.
   */
  idempotency?: { key: string; token: string; response: (orderid: string) => StoredResponse };
}

/**
 * What finishing an order records, in ONE transaction: the order row, an error row (non-zero) and, for an async order
 * (whose client holds the orderid), a billing row (0/215305 only). A sync order is billed by the api when it answers
 * its client ({@link OrdersPort.billAnswered}), so a client that never saw the answer is never billed.
 */
export interface FinishOrderInput {
  errorCode: number;
  reason: string;
  /** The Juhe `result` object (Chinese keys, `头像` included) — stored encrypted; null on failure. */
  result: Record<string, unknown> | null;
  provider: ProviderName;
  /** Non-personal explanation for `error_events.detail`. */
  failureDetail?: string | null;
}

export interface OrdersPort {
  /** Creates the order (status `queued`) and its encrypted image in one transaction. */
  create(input: CreateOrderInput): Promise<OrderView>;
  findById(id: string): Promise<OrderView | null>;
  /**
   * The order with this Juhe order number; with `apiKeyId`, only when that key created it (one query filtered on
   * both, so an order of another key and no order at all cost the same).
   */
  findByOrderId(orderid: string, apiKeyId?: string): Promise<OrderView | null>;
  /** Decrypted image bytes, or null once deleted (after the job, unless retention keeps it). */
  loadImage(id: string): Promise<Buffer | null>;
  /** Decrypted result of a finished order (null when failed or not finished). */
  loadResult(id: string): Promise<Record<string, unknown> | null>;
  /**
   * `queued`/`processing` → `processing`, attempts + 1, started_at set. Returns false (and changes nothing) when the
   * order is already finished: the processor then does nothing (idempotent re-runs never double-bill).
   */
  markProcessing(id: string): Promise<boolean>;
  /**
   * Finishes a not-yet-finished order: status (`succeeded` for 0, `failed` otherwise), error_code, reason,
   * encrypted result, finished_at, duration_ms; for an async order a billing row when billable (unique on order_id:
   * exactly once); an error_events row when error_code ≠ 0; deletes the image unless retention is on. Returns false
   * when the order was already finished (nothing written).
   */
  finish(id: string, input: FinishOrderInput): Promise<boolean>;
  /**
   * Bills a finished sync order whose billable answer (0 or 215305) the api is writing to its waiting client: one
   * billing row (unique on order_id). Returns false (nothing written) when the order is not a finished, billable sync
   * order or is already billed.
   */
  billAnswered(id: string): Promise<boolean>;
  /**
   * Cancels an order no worker has started (`queued`), because its client is gone (sync timeout, disconnect, error):
   * `failed` with `errorCode`, an error_events row, never billed; the image is deleted unless retention is on.
   * `olderThanMs`: only when the order was created at least that long ago (database clock). Returns false (nothing
   * written) when the order was started or finished meanwhile.
   */
  cancelUnstarted(
    id: string,
    input: { errorCode: number; reason: string; detail: string; olderThanMs?: number },
  ): Promise<boolean>;
  /** Orders in `queued`/`processing` whose last change is older than `olderThanMs` (for the sweeper). */
  findStuck(olderThanMs: number, limit: number): Promise<OrderView[]>;
  /** An error_events row for a failure that never became an order (access refusals, bad requests). */
  recordRequestError(input: {
    apiKeyId?: string | null;
    errorCode: number;
    reason: string;
    detail?: string | null;
    ip?: string | null;
  }): Promise<void>;
}
