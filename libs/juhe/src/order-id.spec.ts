import { Worker } from 'node:worker_threads';
import { createOrderIdGenerator, generateOrderId, isOrderId, parseOrderId } from './order-id';

// Each worker loads its own copy of the module (as a separate process would) through tsx, and sends back its ids.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { generateOrderId } = require(workerData.tsx).require(workerData.file, workerData.file);
const ids = [];
for (let i = 0; i < workerData.count; i++) ids.push(generateOrderId());
parentPort.postMessage(ids);
`;

function idsFromWorker(count: number): Promise<string[]> {
  return new Promise((resolvePromise, reject) => {
    const workerData = { tsx: require.resolve('tsx/cjs/api'), file: require.resolve('./order-id.ts'), count };
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
    worker.once('message', (ids: string[]) => {
      resolvePromise(ids);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe('order ids', () => {
  it('are JH and 22 digits', () => {
    const id = generateOrderId();
    expect(id).toMatch(/^JH\d{22}$/);
    expect(isOrderId(id)).toBe(true);
  });

  it('recognise Juhe sample ids and reject other shapes', () => {
    expect(isOrderId('JH1531180126114835937669')).toBe(true);
    for (const bad of ['JH153118012611483593766', 'JH15311801261148359376690', 'jh1531180126114835937669', 42]) {
      expect(isOrderId(bad)).toBe(false);
    }
    expect(isOrderId('JH153118012611483593766X')).toBe(false);
  });

  it('lay out Unix seconds, node and counter', () => {
    const next = createOrderIdGenerator({ node: 42, counterStart: 9_999_999 });
    const now = new Date('2018-07-10T07:48:46+08:00');
    expect(next(now)).toBe('JH1531180126000429999999');
    expect(next(now)).toBe('JH1531180126000420000000');
    expect(parseOrderId('JH1531180126000420000007')).toEqual({
      issuedAt: new Date('2018-07-09T23:48:46Z'),
      node: 42,
      counter: 7,
    });
    expect(parseOrderId('JH12')).toBeUndefined();
  });

  it('take the time from the given date and pad early dates', () => {
    const next = createOrderIdGenerator({ node: 0, counterStart: 0 });
    expect(next(new Date(1000))).toBe('JH0000000001000000000000');
    expect(() => next(new Date(-1000))).toThrow(RangeError);
    expect(() => next(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('refuse options out of range', () => {
    expect(() => createOrderIdGenerator({ node: 100_000 })).toThrow(RangeError);
    expect(() => createOrderIdGenerator({ counterStart: -1 })).toThrow(RangeError);
    expect(() => createOrderIdGenerator({ node: 1.5 })).toThrow(RangeError);
  });

  it('are all distinct over 10,000 calls in a tight loop at the same instant', () => {
    const now = new Date();
    const ids = Array.from({ length: 10_000 }, () => generateOrderId(now));
    expect(new Set(ids).size).toBe(10_000);
    expect(ids.every(isOrderId)).toBe(true);
  });

  it('are distinct across four worker threads and this thread', async () => {
    const batches = await Promise.all([1, 2, 3, 4].map(() => idsFromWorker(5_000)));
    const all = [...batches.flat(), ...Array.from({ length: 5_000 }, () => generateOrderId())];
    expect(new Set(all).size).toBe(25_000);
  }, 30_000);
});
