import { APP_CONFIG, type AppConfig, CONFIG_DEFAULTS } from '@zhengjian/config';
import { JuheErrorCode } from '@zhengjian/juhe';
import { ACCESS } from '@zhengjian/access';
import { ORDERS, type OrderView } from '@zhengjian/orders';
import { RecognitionQueue } from '@zhengjian/queue';
import { Test } from '@nestjs/testing';
import sharp from 'sharp';
import { FakeAccess } from '../testing/fake-access';
import { InMemoryOrdersFake } from '../testing/in-memory-orders.fake';
import { OrderCompletionWaiter } from './order-completion.waiter';
import { CardTypeSupport } from '../admission/card-type-support';
import { RecognitionAdmission } from '../admission/recognition-admission.service';
import type { RawRecognitionRequest } from '../admission/recognition-request';
import { SyncRecognitionService } from './sync-recognition.service';

type Worker = (order: OrderView) => Promise<void>;

describe(SyncRecognitionService.name, () => {
  let orders: InMemoryOrdersFake;
  let access: FakeAccess;
  let config: AppConfig;
  let service: SyncRecognitionService;
  let waiting: number;
  /** What the "worker" does when the order is enqueued. */
  let worker: Worker;
  let png: Buffer;

  const finishWith =
    (errorCode: number): Worker =>
    async (order) => {
      await orders.markProcessing(order.id);
      await orders.finish(order.id, {
        errorCode,
        reason: 'x',
        result: errorCode === 0 ? { 姓名: 'X' } : null,
        provider: 'local',
      });
    };

  beforeAll(async () => {
    png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
  });

  beforeEach(async () => {
    orders = new InMemoryOrdersFake();
    access = new FakeAccess();
    config = { ...CONFIG_DEFAULTS, syncMaxQueueDepth: 4, logLevel: 'error' } as AppConfig;
    waiting = 0;
    worker = finishWith(0);
    const queue = {
      waitingCount: async () => waiting,
      enqueue: (order: OrderView) => worker(order),
      remove: async () => undefined,
    };
    // Answers at once: the finished order, or null (the timeout, or the client gone) when it is not finished.
    const waiter = {
      waitFor: async (order: OrderView) => {
        const row = await orders.findById(order.id);
        return row?.status === 'succeeded' || row?.status === 'failed' ? row : null;
      },
    };
    const moduleRef = await Test.createTestingModule({
      providers: [
        SyncRecognitionService,
        RecognitionAdmission,
        CardTypeSupport,
        { provide: APP_CONFIG, useFactory: () => config },
        { provide: ACCESS, useValue: access },
        { provide: ORDERS, useValue: orders },
        { provide: RecognitionQueue, useValue: queue },
        { provide: OrderCompletionWaiter, useValue: waiter },
      ],
    }).compile();
    service = moduleRef.get(SyncRecognitionService);
  });

  const raw = (): RawRecognitionRequest => ({
    key: FakeAccess.KEY,
    cardType: '2',
    userid: undefined,
    returnOrderId: true,
    detail: false,
    crop: false,
    image: { kind: 'file', bytes: png },
  });
  const only = () => [...orders.orders.values()][0];

  it.each([0, 215305])('bills an order answered %s once, when the answer is written', async (code) => {
    worker = finishWith(code);
    const envelope = await service.recognize(raw(), '10.0.0.1');
    expect(envelope.error_code).toBe(code);
    expect(orders.billed).toEqual([only()?.id]);
  });

  it('does not bill an order answered 215308 (not billable)', async () => {
    worker = finishWith(215308);
    expect((await service.recognize(raw(), '10.0.0.1')).error_code).toBe(215308);
    expect(orders.billed).toEqual([]);
  });

  it('answers 215300 on a timeout, cancels the order no worker started, and bills nothing', async () => {
    worker = async () => undefined;
    await expect(service.recognize(raw(), '10.0.0.1')).rejects.toMatchObject({ code: JuheErrorCode.NetworkError });
    expect(only()).toMatchObject({ status: 'failed', errorCode: JuheErrorCode.NetworkError });
    expect(orders.billed).toEqual([]);
  });

  it('leaves an order a worker already started to finish, unbilled, after a timeout', async () => {
    worker = async (order) => void (await orders.markProcessing(order.id));
    await expect(service.recognize(raw(), '10.0.0.1')).rejects.toMatchObject({ code: JuheErrorCode.NetworkError });
    const order = only();
    expect(order?.status).toBe('processing');
    await orders.finish(order!.id, { errorCode: 0, reason: '操作成功', result: {}, provider: 'local' });
    expect(orders.billed).toEqual([]);
  });

  it('neither answers nor bills a finished order whose client went away, and cancels an unstarted one', async () => {
    const gone = new AbortController();
    gone.abort();
    await expect(service.recognize(raw(), '10.0.0.1', gone.signal)).rejects.toMatchObject({
      code: JuheErrorCode.NetworkError,
    });
    expect(only()?.status).toBe('succeeded');
    expect(orders.billed).toEqual([]);

    orders.orders.clear();
    worker = async () => undefined;
    await expect(service.recognize(raw(), '10.0.0.1', gone.signal)).rejects.toMatchObject({
      code: JuheErrorCode.NetworkError,
    });
    expect(only()).toMatchObject({ status: 'failed', errorCode: JuheErrorCode.NetworkError });
  });

  it('refuses with 215300 while SYNC_MAX_QUEUE_DEPTH jobs wait, before the key is counted or an order stored', async () => {
    waiting = 4;
    await expect(service.recognize(raw(), '10.0.0.1')).rejects.toMatchObject({ code: JuheErrorCode.NetworkError });
    expect(orders.orders.size).toBe(0);
    expect(access.calls).toEqual([]);
    expect(orders.requestErrors).toEqual([
      expect.objectContaining({ errorCode: JuheErrorCode.NetworkError, apiKeyId: null, ip: '10.0.0.1' }),
    ]);
    waiting = 3;
    expect((await service.recognize(raw(), '10.0.0.1')).error_code).toBe(0);
  });

  it('takes any backlog when SYNC_MAX_QUEUE_DEPTH is 0', async () => {
    config.syncMaxQueueDepth = 0;
    waiting = 10_000;
    expect((await service.recognize(raw(), '10.0.0.1')).error_code).toBe(0);
  });
});
