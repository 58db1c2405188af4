import { randomUUID } from 'node:crypto';
import { generateOrderId, isBillable } from '@zhengjian/juhe';
import type { CreateOrderInput, FinishOrderInput, OrderView, OrdersPort } from '@zhengjian/orders';

/** An in-memory `OrdersPort` for unit tests of the HTTP edge (e2e tests use the real `libs/orders`). */
export class InMemoryOrdersFake implements OrdersPort {
  readonly orders = new Map<string, OrderView>();
  readonly images = new Map<string, Buffer>();
  readonly results = new Map<string, Record<string, unknown> | null>();
  readonly requestErrors: Array<{ apiKeyId?: string | null; errorCode: number; ip?: string | null }> = [];
  readonly billed: string[] = [];

  async create(input: CreateOrderInput): Promise<OrderView> {
    const order: OrderView = {
      id: randomUUID(),
      orderid: generateOrderId(),
      apiKeyId: input.apiKeyId,
      userid: input.userid ?? null,
      cardType: input.cardType,
      mode: input.mode,
      provider: null,
      status: 'queued',
      errorCode: null,
      reason: null,
      returnOrderId: input.returnOrderId ?? false,
      callbackUrl: input.callbackUrl ?? null,
      detail: input.detail ?? false,
      crop: input.crop ?? false,
      attempts: 0,
      createdAt: new Date(),
      startedAt: null,
      finishedAt: null,
      durationMs: null,
      erasedAt: null,
      erasedBy: null,
    };
    this.orders.set(order.id, order);
    this.images.set(order.id, input.image);
    return { ...order };
  }

  async findById(id: string): Promise<OrderView | null> {
    const order = this.orders.get(id);
    return order ? { ...order } : null;
  }

  async findByOrderId(orderid: string, apiKeyId?: string): Promise<OrderView | null> {
    const found = [...this.orders.values()].find(
      (o) => o.orderid === orderid && (apiKeyId === undefined || o.apiKeyId === apiKeyId),
    );
    return found ? { ...found } : null;
  }

  async loadImage(id: string): Promise<Buffer | null> {
    return this.images.get(id) ?? null;
  }

  async loadResult(id: string): Promise<Record<string, unknown> | null> {
    return this.results.get(id) ?? null;
  }

  async markProcessing(id: string): Promise<boolean> {
    const order = this.orders.get(id);
    if (!order || order.status === 'succeeded' || order.status === 'failed') return false;
    order.status = 'processing';
    order.attempts++;
    return true;
  }

  async finish(id: string, input: FinishOrderInput): Promise<boolean> {
    const order = this.orders.get(id);
    if (!order || order.status === 'succeeded' || order.status === 'failed') return false;
    order.status = input.errorCode === 0 ? 'succeeded' : 'failed';
    order.errorCode = input.errorCode;
    order.reason = input.reason;
    order.provider = input.provider;
    order.finishedAt = new Date();
    this.results.set(id, input.result);
    if (order.mode === 'async' && isBillable(input.errorCode)) this.billed.push(id);
    this.images.delete(id);
    return true;
  }

  async billAnswered(id: string): Promise<boolean> {
    const order = this.orders.get(id);
    const billable = order?.mode === 'sync' && order.errorCode !== null && isBillable(order.errorCode);
    if (!billable || this.billed.includes(id)) return false;
    this.billed.push(id);
    return true;
  }

  async cancelUnstarted(id: string, input: { errorCode: number; reason: string }): Promise<boolean> {
    const order = this.orders.get(id);
    if (order?.status !== 'queued') return false;
    Object.assign(order, {
      status: 'failed',
      errorCode: input.errorCode,
      reason: input.reason,
      finishedAt: new Date(),
    });
    this.images.delete(id);
    return true;
  }

  async findStuck(): Promise<OrderView[]> {
    return [...this.orders.values()].filter((o) => o.status === 'queued' || o.status === 'processing');
  }

  async recordRequestError(input: { apiKeyId?: string | null; errorCode: number; ip?: string | null }): Promise<void> {
    this.requestErrors.push(input);
  }
}
