import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HttpService } from '@nestjs/axios';
import { JuheUpstreamClient, type JuheUpstreamOptions, UpstreamUnavailableError } from '@zhengjian/juhe';
import axios from 'axios';
import { JuheSimulator } from './juhe-simulator';
import { LogLines } from './log-lines';

const APPKEY = 'sim-appkey-0123456789abcdef';
const image = readFileSync(join(__dirname, '../../samples/id-front.jpg'));
const ID_NUMBER = '31010419740312117X';

describe(`${JuheUpstreamClient.name} against the Juhe simulator`, () => {
  const sim = new JuheSimulator([APPKEY]);
  const logs = new LogLines();
  const client = (options: Partial<JuheUpstreamOptions> = {}) =>
    new JuheUpstreamClient(new HttpService(axios.create()), {
      appKey: APPKEY,
      baseUrl: sim.baseUrl,
      backoffBaseMs: 5,
      ...options,
    });

  beforeAll(async () => {
    logs.install();
    await sim.start();
    sim.addFixture(image, { 姓名: '石帆', 公民身份号码: ID_NUMBER });
  });
  afterAll(async () => {
    logs.uninstall();
    await sim.stop();
  });
  beforeEach(async () => {
    sim.requests.length = 0;
    logs.clear();
    await sim.normal();
  });

  it('posts multipart key, cardType and a pic file to /certificates/query and returns the envelope as it is', async () => {
    const envelope = await client().query(2, image);
    expect(envelope.error_code).toBe(0);
    expect(envelope.reason).toBe('操作成功');
    // The seed's key order, untouched: reordering is the provider's job.
    expect(Object.keys(envelope.result!)).toEqual([
      '住址',
      '保留',
      '公民身份号码',
      '出生',
      '头像',
      '姓名',
      '性别',
      '民族',
    ]);
    expect(envelope.result!['公民身份号码']).toBe(ID_NUMBER);
    expect(sim.requests).toEqual([
      {
        method: 'POST',
        path: '/certificates/query',
        contentType: expect.stringMatching(/^multipart\/form-data; boundary=/),
        key: APPKEY,
        cardType: '2',
        filename: 'pic.jpg',
        fileType: 'image/jpeg',
        imageSha256: JuheSimulator.sha256(image),
        imageBytes: image.length,
      },
    ]);
  });

  it('posts urlencoded key, cardType and base64 to /certificates/queryBase64 with the base64 transport', async () => {
    const envelope = await client({ transport: 'base64' }).query(2, image);
    expect(envelope.result!['公民身份号码']).toBe(ID_NUMBER);
    expect(sim.requests).toEqual([
      {
        method: 'POST',
        path: '/certificates/queryBase64',
        contentType: 'application/x-www-form-urlencoded;charset=utf-8',
        key: APPKEY,
        cardType: '2',
        imageSha256: JuheSimulator.sha256(image),
        imageBytes: image.length,
      },
    ]);
  });

  it('returns error envelopes as they are and never retries them (0 and 215305 are billed upstream)', async () => {
    await expect(client().query(2, Buffer.from('not in the fixtures'))).resolves.toEqual({
      error_code: 215305,
      reason: '识别失败!',
      result: null,
    });
    await expect(client({ appKey: 'wrong' }).query(2, image)).resolves.toMatchObject({ error_code: 10001 });
    await sim.accountError(10012);
    await expect(client().query(2, image)).resolves.toMatchObject({ error_code: 10012, result: null });
    expect(sim.requests).toHaveLength(3);
  });

  it('retries HTTP 500 with backoff and returns the envelope once the upstream recovers', async () => {
    await sim.failTimes(2);
    await expect(client().query(2, image)).resolves.toMatchObject({ error_code: 0 });
    expect(sim.requests).toHaveLength(3);
  });

  it('throws UpstreamUnavailableError once the retries are spent', async () => {
    await sim.fail500();
    const failure = client({ retries: 2 }).query(2, image);
    await expect(failure).rejects.toBeInstanceOf(UpstreamUnavailableError);
    await expect(failure).rejects.toMatchObject({ kind: 'http_status', status: 500, attempts: 3 });
    expect(sim.requests).toHaveLength(3);
  });

  it('retries a timeout, then throws', async () => {
    await sim.slow(1_000);
    const failure = client({ timeoutMs: 100, retries: 1 }).query(2, image);
    await expect(failure).rejects.toMatchObject({ kind: 'timeout', attempts: 2 });
    expect(sim.requests).toHaveLength(2);
  });

  it('retries refused connections, then throws', async () => {
    await sim.down();
    const failure = client().query(2, image);
    await expect(failure).rejects.toMatchObject({ kind: 'connection', errorCode: 'ECONNREFUSED', attempts: 3 });
  });

  it('logs host, cardType, error_code and attempts, never the appkey, the image or the result', async () => {
    await sim.failTimes(1);
    await client().query(2, image);
    await client({ transport: 'base64' }).query(2, image);
    expect(logs.lines).toEqual([
      expect.stringMatching(
        /^warn \[JuheUpstreamClient\] 127\.0\.0\.1:\d+ cardType=2 http_status \(HTTP 500\) \d+ms attempt=1$/,
      ),
      expect.stringMatching(/^log \[JuheUpstreamClient\] 127\.0\.0\.1:\d+ cardType=2 error_code=0 \d+ms attempt=2$/),
      expect.stringMatching(/^log \[JuheUpstreamClient\] 127\.0\.0\.1:\d+ cardType=2 error_code=0 \d+ms attempt=1$/),
    ]);
    for (const secret of [APPKEY, ID_NUMBER, '石帆', image.toString('base64').slice(0, 40)]) {
      expect(logs.text).not.toContain(secret);
    }
  });

  it('keeps the appkey and the image out of the error it throws', async () => {
    await sim.down();
    const error = await client({ retries: 0 })
      .query(2, image)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamUnavailableError);
    expect((error as Error).cause).toBeUndefined();
    expect(JSON.stringify(error) + String(error)).not.toContain(APPKEY);
  });
});
