import { Logger } from '@nestjs/common';
import {
  CircuitBreaker,
  CircuitOpenError,
  type JuheEnvelope,
  type JuheUpstream,
  UpstreamUnavailableError,
} from '@zhengjian/juhe';
import { JuheProvider } from './juhe.provider';

type Envelope = JuheEnvelope<Record<string, string>>;

/** An upstream double that answers the queued envelopes (or throws the queued errors), one per call. */
class ScriptedUpstream implements JuheUpstream {
  readonly calls: number[] = [];
  constructor(private readonly answers: Array<Envelope | Error>) {}
  async query(cardType: number): Promise<Envelope> {
    this.calls.push(cardType);
    const next = this.answers.shift();
    if (!next) throw new Error('no scripted answer left');
    if (next instanceof Error) throw next;
    return next;
  }
}

const image = Buffer.from('image bytes');
const ID_FRONT = {
  住址: '上海市徐汇区示例路1号',
  保留: '',
  公民身份号码: '31010419740312117X',
  出生: '1974-03-12',
  头像: '',
  姓名: '测试',
  性别: '男',
  民族: '汉',
  orderid: 'JH1531180126114835937669',
};

describe(JuheProvider.name, () => {
  const warnings: string[] = [];
  beforeAll(() =>
    Logger.overrideLogger({
      log: () => undefined,
      error: () => undefined,
      debug: () => undefined,
      warn: (m) => warnings.push(String(m)),
    }),
  );
  afterAll(() => Logger.overrideLogger(true));
  beforeEach(() => (warnings.length = 0));

  it('passes a success through in our catalogue key order and drops keys we do not have', async () => {
    const provider = new JuheProvider(new ScriptedUpstream([{ error_code: 0, reason: '操作成功', result: ID_FRONT }]));
    const report = await provider.recognize(2, image);
    expect(report).toMatchObject({
      errorCode: 0,
      reason: '操作成功',
      cardType: 2,
      detectedCardType: 2,
      provider: 'juhe',
    });
    expect(Object.keys(report.fields!)).toEqual([
      '保留',
      '姓名',
      '性别',
      '民族',
      '出生',
      '住址',
      '公民身份号码',
      '头像',
    ]);
    expect(report.fields!['公民身份号码']).toBe('31010419740312117X');
  });

  it('fills keys the upstream left out with ""', async () => {
    const provider = new JuheProvider(
      new ScriptedUpstream([{ error_code: 0, reason: '操作成功', result: { 姓名: '测试' } }]),
    );
    const report = await provider.recognize(2, image);
    expect(report.fields).toEqual({
      保留: '',
      姓名: '测试',
      性别: '',
      民族: '',
      出生: '',
      住址: '',
      公民身份号码: '',
      头像: '',
    });
  });

  it('passes 215305 through with the upstream reason', async () => {
    const provider = new JuheProvider(
      new ScriptedUpstream([{ error_code: 215305, reason: '识别失败!', result: null }]),
    );
    await expect(provider.recognize(2, image)).resolves.toMatchObject({
      errorCode: 215305,
      reason: '识别失败!',
      fields: null,
      provider: 'juhe',
    });
  });

  it('turns an account error (10012) into 10014 and warns the operator with the code only', async () => {
    const provider = new JuheProvider(
      new ScriptedUpstream([{ error_code: 10012, reason: '请求超过次数限制', result: null }]),
    );
    const report = await provider.recognize(2, image);
    expect(report).toMatchObject({ errorCode: 10014, fields: null, failureDetail: 'upstream account error 10012' });
    expect(report.reason).toMatch(/^系统内部异常/);
    expect(warnings).toEqual([expect.stringContaining('upstream account error 10012')]);
  });

  it('turns an unknown upstream code into 10014', async () => {
    const provider = new JuheProvider(new ScriptedUpstream([{ error_code: 999999, reason: '?', result: null }]));
    await expect(provider.recognize(2, image)).resolves.toMatchObject({ errorCode: 10014 });
  });

  it('tells which type a 101 result is from 证件类型, else from its keys', async () => {
    const back = { 保留: '', 签发机关: '上海市公安局徐汇分局', 有效期限: '2010.01.01-2030.01.01' };
    const upstream = new ScriptedUpstream([
      { error_code: 0, reason: '操作成功', result: { ...ID_FRONT, 证件类型: '2' } },
      { error_code: 0, reason: '操作成功', result: back },
    ]);
    const provider = new JuheProvider(upstream);
    expect(await provider.recognize(101, image)).toMatchObject({ detectedCardType: 2, fields: { 证件类型: '2' } });
    expect(await provider.recognize(101, image)).toMatchObject({ detectedCardType: 3, fields: { 证件类型: '3' } });
  });

  it('answers 215303 for an uncatalogued cardType without calling the upstream', async () => {
    const upstream = new ScriptedUpstream([]);
    await expect(new JuheProvider(upstream).recognize(8, image)).resolves.toMatchObject({ errorCode: 215303 });
    expect(upstream.calls).toEqual([]);
  });

  it('throws when the upstream is unavailable, counting an upstream 215300 as unavailability', async () => {
    const down = new UpstreamUnavailableError({ kind: 'timeout', attempts: 3 });
    const upstream = new ScriptedUpstream([down, { error_code: 215300, reason: '网络错误,请稍后重试', result: null }]);
    const provider = new JuheProvider(upstream, new CircuitBreaker({ failureThreshold: 2 }));
    await expect(provider.recognize(2, image)).rejects.toBe(down);
    await expect(provider.recognize(2, image)).rejects.toMatchObject({ kind: 'upstream_network_error' });
    await expect(provider.recognize(2, image)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(upstream.calls).toEqual([2, 2]);
  });
});
