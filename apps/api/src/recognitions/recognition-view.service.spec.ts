import type { OrderErasureService } from '@zhengjian/orders';
import { FakeAccess } from '../testing/fake-access';
import { InMemoryOrdersFake } from '../testing/in-memory-orders.fake';
import { AsyncApiError } from './async-api.error';
import { RecognitionViewService } from './recognition-view.service';

const CALLER = '00000000-0000-4000-8000-000000000001';
const OTHER_KEY = '00000000-0000-4000-8000-000000000002';

/** Every call the view makes on the orders port, in order. */
function recorded(orders: InMemoryOrdersFake): Array<[string, unknown[]]> {
  const calls: Array<[string, unknown[]]> = [];
  for (const name of ['findById', 'findByOrderId', 'loadResult', 'loadImage'] as const) {
    const original = orders[name].bind(orders) as (...args: unknown[]) => Promise<unknown>;
    (orders as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      calls.push([name, args]);
      return original(...args);
    };
  }
  return calls;
}

describe(RecognitionViewService.name, () => {
  it('looks up another key’s order and an unknown orderid with the same single query, filtered by key', async () => {
    const orders = new InMemoryOrdersFake();
    const theirs = await orders.create({ apiKeyId: OTHER_KEY, cardType: 2, mode: 'async', image: Buffer.from('x') });
    const unknown = theirs.orderid.replace(/\d{4}$/, (d) => String((Number(d) + 1) % 10_000).padStart(4, '0'));
    const calls = recorded(orders);
    const view = new RecognitionViewService(new FakeAccess(), orders, {} as OrderErasureService);

    const errors: unknown[] = [];
    for (const orderid of [theirs.orderid, unknown]) {
      errors.push(await view.find(orderid, FakeAccess.KEY, '10.0.0.1').catch((err: unknown) => err));
    }

    expect(calls).toEqual([
      ['findByOrderId', [theirs.orderid, CALLER]],
      ['findByOrderId', [unknown, CALLER]],
    ]);
    expect(errors.map((e) => (e instanceof AsyncApiError ? [e.code, e.reason, e.httpStatus] : e))).toEqual([
      [215401, 'order not found', 404],
      [215401, 'order not found', 404],
    ]);
  });
});
