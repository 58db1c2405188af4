import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { AppConfig } from '@zhengjian/config';
import { JuheSimulator } from '../juhe-simulator/juhe-simulator';
import { type RunningService, nextIp, startService } from '../service/service.harness';

/** The operator's appkey the simulated Juhe account accepts (never a real one). */
export const APPKEY = 'operator-appkey-0123456789abcdef';
/** The sample photo of an ID front (synthetic person, see samples/README.md). */
export const ID_FRONT = readFileSync(join(__dirname, '../../samples/id-front.jpg'));
/** What samples/README.md says the photo shows (the local engine's expected reading). */
export const ID_FRONT_FIELDS = {
  姓名: '石帆',
  性别: '男',
  民族: '汉',
  出生: '1974-03-12',
  住址: '上海市徐汇区青年路206号融侨公寓12栋5单元2603室',
  公民身份号码: '31010419740312117X',
};

/** The simulator's reading of the same photo: deliberately different from the local one, to tell who answered. */
export const SIMULATED_FIELDS = {
  姓名: '模拟',
  性别: '女',
  民族: '汉',
  出生: '1990-01-01',
  公民身份号码: '11010119900101002X',
};

export interface ProviderService {
  sim: JuheSimulator;
  service: RunningService;
  /** A sync Base64 request with `orderid=1`; returns the envelope. */
  recognize(image: Buffer): Promise<{ error_code: number; reason: string; result: Record<string, string> | null }>;
  /** The order row of the last request that returned an order id, or of the newest order. */
  lastOrder(): Promise<{ orderid: string; provider: string | null; status: string; error_code: number | null }>;
  close(): Promise<void>;
}

/** The real api and worker with `RECOGNITION_PROVIDER=mode` pointed at a fresh simulator. */
export async function startProviderService(mode: AppConfig['recognitionProvider']): Promise<ProviderService> {
  const sim = await new JuheSimulator([APPKEY]).start();
  sim.addFixture(ID_FRONT, SIMULATED_FIELDS);
  const service = await startService({
    recognitionProvider: mode,
    juheAppKey: APPKEY,
    juheBaseUrl: sim.baseUrl,
    juheTimeoutMs: 5_000,
    syncTimeoutMs: 90_000,
  });
  // The apps are created with `bufferLogs` and only `listen()` flushes: without this, every log line of the run stays
  // in Nest's buffer and never reaches the capture logger the assertions read.
  service.api.flushLogs();
  const { key } = await service.createKey();
  return {
    sim,
    service,
    recognize: async (image) => {
      const res = await request(service.api.getHttpServer())
        .post('/certificates/queryBase64')
        .set('X-Forwarded-For', nextIp())
        .type('form')
        .send({ key, cardType: '2', base64: image.toString('base64'), orderid: '1' });
      return res.body;
    },
    lastOrder: async () =>
      (
        await service.sql.query(
          'SELECT orderid, provider, status, error_code FROM orders ORDER BY created_at DESC, id DESC LIMIT 1',
        )
      ).rows[0],
    close: async () => {
      await service.close();
      await sim.stop();
    },
  };
}
