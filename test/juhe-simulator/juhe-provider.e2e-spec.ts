import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HttpService } from '@nestjs/axios';
import { CircuitBreaker, JuheUpstreamClient } from '@zhengjian/juhe';
import { OcrEngine } from '@zhengjian/ocr';
import { JuheProvider, LocalProvider, type RecognitionProvider, createProvider } from '@zhengjian/recognition';
import axios from 'axios';
import { createRecognitionService } from '@zhengjian/engine';
import { JuheSimulator } from './juhe-simulator';
import { LogLines } from './log-lines';

const APPKEY = 'operator-appkey-fedcba9876543210';
const image = readFileSync(join(__dirname, '../../samples/id-front.jpg'));
const ID_NUMBER = '31010419740312117X';

/** The juhe provider and the provider modes over HTTP, against the simulator; the local engine is the real one. */
describe('Juhe provider modes against the simulator', () => {
  const sim = new JuheSimulator([APPKEY]);
  const logs = new LogLines();
  let local: RecognitionProvider;
  let breaker: CircuitBreaker;
  let juhe: JuheProvider;

  beforeAll(async () => {
    logs.install();
    await sim.start();
    sim.addFixture(image, { 姓名: '石帆', 性别: '男', 民族: '汉', 出生: '1974-03-12', 公民身份号码: ID_NUMBER });
    local = new LocalProvider(createRecognitionService(await OcrEngine.create()));
  }, 120_000);
  afterAll(async () => {
    logs.uninstall();
    await sim.stop();
  });
  beforeEach(async () => {
    await sim.normal();
    logs.clear();
    breaker = new CircuitBreaker({ failureThreshold: 2, coolDownMs: 60_000 });
    const client = new JuheUpstreamClient(new HttpService(axios.create()), {
      appKey: APPKEY,
      baseUrl: sim.baseUrl,
      retries: 1,
      backoffBaseMs: 5,
    });
    juhe = new JuheProvider(client, breaker);
  });

  it('juhe: maps the upstream answer into our key order', async () => {
    const report = await createProvider('juhe', { juhe }).recognize(2, image);
    expect(report).toMatchObject({ errorCode: 0, provider: 'juhe', detectedCardType: 2 });
    expect(report.fields).toEqual({
      保留: '',
      姓名: '石帆',
      性别: '男',
      民族: '汉',
      出生: '1974-03-12',
      住址: '',
      公民身份号码: ID_NUMBER,
      头像: '',
    });
  });

  it('juhe: passes 215305 through and turns the operator account error 10012 into 10014', async () => {
    const provider = createProvider('juhe', { juhe });
    await expect(provider.recognize(2, Buffer.from('unknown image'))).resolves.toMatchObject({ errorCode: 215305 });
    await sim.accountError(10012);
    await expect(provider.recognize(2, image)).resolves.toMatchObject({ errorCode: 10014, provider: 'juhe' });
    expect(logs.lines).toContainEqual(expect.stringMatching(/^warn \[JuheProvider\] .*upstream account error 10012/));
    expect(logs.text).not.toContain(APPKEY);
  });

  it('juhe: answers 215300 while the upstream is down', async () => {
    await sim.down();
    await expect(createProvider('juhe', { juhe }).recognize(2, image)).resolves.toMatchObject({
      errorCode: 215300,
      reason: '网络错误,请稍后重试',
      fields: null,
      provider: 'juhe',
    });
  });

  it('juhe-then-local: the real local engine answers while the upstream is down, also once the circuit is open', async () => {
    await sim.down();
    const chain = createProvider('juhe-then-local', { juhe, local });
    for (let i = 0; i < 3; i++) {
      const report = await chain.recognize(2, image);
      expect(report).toMatchObject({ errorCode: 0, provider: 'local' });
      expect(report.fields?.['公民身份号码']).toBe(ID_NUMBER);
    }
    expect(breaker.state).toBe('open');
    expect(logs.lines).toContainEqual(expect.stringContaining('juhe unavailable: circuit_open'));
  }, 120_000);

  it('juhe-then-local: the upstream answers when it is up, and its account errors do not fall back', async () => {
    const chain = createProvider('juhe-then-local', { juhe, local });
    await expect(chain.recognize(2, image)).resolves.toMatchObject({ errorCode: 0, provider: 'juhe' });
    await sim.accountError(10001);
    await expect(chain.recognize(2, image)).resolves.toMatchObject({ errorCode: 10014, provider: 'juhe' });
  });
});
