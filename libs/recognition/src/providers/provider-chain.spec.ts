import { Logger } from '@nestjs/common';
import { CircuitOpenError, UpstreamUnavailableError } from '@zhengjian/juhe';
import { ProviderChain, createProvider } from './provider-chain';
import type { ProviderName } from '@zhengjian/config';
import type { ProvidedReport, RecognitionProvider } from './recognition-provider';

/** A provider that answers a fixed report, or throws a fixed error. */
class StubProvider implements RecognitionProvider {
  calls = 0;
  constructor(
    readonly name: ProviderName,
    private readonly outcome: Partial<ProvidedReport> | Error,
  ) {}
  async recognize(cardType: number): Promise<ProvidedReport> {
    this.calls += 1;
    if (this.outcome instanceof Error) throw this.outcome;
    const base = {
      errorCode: 0 as const,
      reason: '操作成功',
      fields: {},
      timings: { decodeMs: 0, ocrMs: 0, totalMs: 1 },
    };
    return { ...base, cardType, provider: this.name, ...this.outcome };
  }
}

const image = Buffer.from('image');
const down = () => new UpstreamUnavailableError({ kind: 'connection', attempts: 3, errorCode: 'ECONNREFUSED' });
const localAnswer = { fields: { 公民身份号码: '31010419740312117X' } };

describe(createProvider.name, () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(true));

  it('local mode is the local provider itself', () => {
    const local = new StubProvider('local', localAnswer);
    expect(createProvider('local', { local })).toBe(local);
  });

  it('juhe mode answers the upstream report', async () => {
    const juhe = new StubProvider('juhe', { errorCode: 215305, reason: '识别失败!', fields: null });
    await expect(createProvider('juhe', { juhe }).recognize(2, image)).resolves.toMatchObject({
      errorCode: 215305,
      provider: 'juhe',
    });
  });

  it('juhe mode answers 215300 when the upstream is unavailable', async () => {
    const report = await createProvider('juhe', { juhe: new StubProvider('juhe', down()) }).recognize(2, image);
    expect(report).toMatchObject({
      errorCode: 215300,
      reason: '网络错误,请稍后重试',
      cardType: 2,
      fields: null,
      provider: 'juhe',
      failureDetail: 'juhe unavailable: connection after 3 attempt(s)',
    });
  });

  it('juhe-then-local answers from local when the upstream is unavailable or the circuit is open', async () => {
    const local = new StubProvider('local', localAnswer);
    for (const error of [down(), new CircuitOpenError('juhe-upstream', 0)]) {
      const chain = createProvider('juhe-then-local', { juhe: new StubProvider('juhe', error), local });
      await expect(chain.recognize(2, image)).resolves.toMatchObject({
        errorCode: 0,
        provider: 'local',
        ...localAnswer,
      });
    }
    expect(local.calls).toBe(2);
  });

  it('juhe-then-local keeps an account error (10014) from the upstream: it is not an outage', async () => {
    const local = new StubProvider('local', localAnswer);
    const juhe = new StubProvider('juhe', {
      errorCode: 10014,
      fields: null,
      failureDetail: 'upstream account error 10001',
    });
    const chain = createProvider('juhe-then-local', { juhe, local });
    await expect(chain.recognize(2, image)).resolves.toMatchObject({ errorCode: 10014, provider: 'juhe' });
    expect(local.calls).toBe(0);
  });

  it('lets errors other than unavailability propagate', async () => {
    const local = new StubProvider('local', localAnswer);
    const chain = new ProviderChain(new StubProvider('juhe', new TypeError('bug')), local);
    await expect(chain.recognize(2, image)).rejects.toThrow(TypeError);
    expect(local.calls).toBe(0);
  });

  it('refuses a mode whose provider is missing', () => {
    expect(() => createProvider('juhe-then-local', { juhe: new StubProvider('juhe', localAnswer) })).toThrow(
      'RECOGNITION_PROVIDER=juhe-then-local needs the local provider',
    );
  });
});
