/**
 * The persistence contract the apps (api, worker) program against. `libs/orders` and `libs/access` implement it;
 * keep these shapes stable: both sides were written from this file.
 */

export type OrderMode = 'sync' | 'async';
export type OrderStatus = 'queued' | 'processing' | 'succeeded' | 'failed';
export type ProviderName = 'local' | 'juhe';

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
  attempts: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  durationMs: number | null;
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
  /** Client IP of the request; kept on the order so a failure's `error_events` row carries it. */
  ip?: string | null;
}

/** What finishing an order records, in ONE transaction: the order row, a billing row (0/215305 only), an error row (non-zero). */
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
   * encrypted result, finished_at, duration_ms; a billing row when billable (unique on order_id: exactly once); an
   * error_events row when error_code ≠ 0; deletes the image unless retention is on. Returns false when the order was
   * already finished (nothing written).
   */
  finish(id: string, input: FinishOrderInput): Promise<boolean>;
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

/** The key a request was authorised with. */
export interface AuthorizedKey {
  id: string;
  name: string;
  isTest: boolean;
}

export interface AccessPort {
  /**
   * Checks a plaintext key for a request, in this order, throwing `JuheError` (from `@zhengjian/juhe`):
   * 10001 unknown key · 10009 disabled · 10003 expired · 10008 IP in the deny list · 10011 IP over its rate ·
   * 10002 cardType not allowed for this key · 10013 test key over its limit · 10012 daily or total quota used up.
   * Counts the request against the quotas when it passes.
   */
  authorize(input: { key: string | undefined; ip: string; cardType: number | null }): Promise<AuthorizedKey>;
  /**
   * The key's own checks only (10001 · 10009 · 10003 · 10008), counting nothing: for reads (`GET
   * /v1/recognitions/:orderid`) and for finding the owner of an `Idempotency-Key` before `authorize`.
   */
  identify(input: { key: string | undefined; ip: string }): Promise<AuthorizedKey>;
}
