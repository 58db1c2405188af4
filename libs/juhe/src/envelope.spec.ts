import {
  buildResult,
  envelopeFromError,
  errorEnvelope,
  notSupportedYetEnvelope,
  successEnvelope,
  type JuheEnvelope,
} from './envelope';
import { JuheErrorCode } from './error-codes';
import { JuheError } from './juhe.errors';

describe('Juhe envelope', () => {
  it('wraps a success with 操作成功 in Juhe property order', () => {
    const envelope = successEnvelope({ vin: 'WBAFR7103BC727722' });
    expect(envelope).toEqual({ error_code: 0, reason: '操作成功', result: { vin: 'WBAFR7103BC727722' } });
    expect(Object.keys(envelope)).toEqual(['error_code', 'reason', 'result']);
  });

  it('answers an error with the table reason and a null result', () => {
    const envelope: JuheEnvelope<never> = errorEnvelope(JuheErrorCode.RecognitionFailed);
    expect(envelope).toEqual({ error_code: 215305, reason: '识别失败!', result: null });
    expect(errorEnvelope(215301)).toEqual({ error_code: 215301, reason: '不支持GET请求', result: null });
  });

  it('lets the caller override the reason', () => {
    expect(errorEnvelope(10001, '无效的key！')).toEqual({ error_code: 10001, reason: '无效的key！', result: null });
  });

  it('says when a catalogued cardType is not supported yet', () => {
    expect(notSupportedYetEnvelope(5)).toEqual({
      error_code: 215303,
      reason: 'cardType error! (cardType 5 is not supported yet)',
      result: null,
    });
  });

  it('keeps a JuheError detail private unless it is exposed', () => {
    const hidden = new JuheError(JuheErrorCode.InternalError, 'db timeout');
    expect(envelopeFromError(hidden)).toEqual({ error_code: 10014, reason: hidden.reason, result: null });
    expect(hidden.reason).not.toContain('db timeout');
    const shown = new JuheError(215302, 'limit is 3145728 bytes', { exposeDetail: true });
    expect(envelopeFromError(shown).reason).toBe('上传文件超过最大限制! (limit is 3145728 bytes)');
  });

  it('answers a JuheError with code 0 as an internal error', () => {
    expect(envelopeFromError(new JuheError(0)).error_code).toBe(10014);
  });
});

describe(JuheError.name, () => {
  it('carries its code, detail and cause', () => {
    const cause = new Error('socket hang up');
    const error = new JuheError(215300, 'upstream timeout', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('JuheError');
    expect(error.code).toBe(215300);
    expect(error.detail).toBe('upstream timeout');
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('215300 网络错误,请稍后重试: upstream timeout');
    expect(error.reason).toBe('网络错误,请稍后重试');
  });

  it('builds the 215303 errors', () => {
    expect(JuheError.notSupportedYet(13).reason).toBe('cardType error! (cardType 13 is not supported yet)');
    const unknown = JuheError.unknownCardType('abc');
    expect([unknown.code, unknown.reason, unknown.detail]).toEqual([
      215303,
      'cardType error!',
      'unknown cardType "abc"',
    ]);
  });
});

describe(buildResult.name, () => {
  it('orders the keys as the catalogue says and fills missing ones with ""', () => {
    const result = buildResult(2, { 公民身份号码: '11010119900307803X', 姓名: '张三', 出生: '1990-03-07' });
    expect(Object.entries(result)).toEqual([
      ['保留', ''],
      ['姓名', '张三'],
      ['性别', ''],
      ['民族', ''],
      ['出生', '1990-03-07'],
      ['住址', ''],
      ['公民身份号码', '11010119900307803X'],
      ['头像', ''],
    ]);
  });

  it('drops keys outside the catalogue and non-string values', () => {
    const fields = { 签发机关: '北京市公安局', 姓名: '张三', 有效期限: undefined, toString: 'x' };
    expect(buildResult(3, fields)).toEqual({
      保留: '',
      签发机关: '北京市公安局',
      有效期限: '',
      签发日期: '',
      有效期至: '',
    });
  });

  it('appends orderid then userid last', () => {
    const result = buildResult(
      1100,
      { vin: 'WBAFR7103BC727722' },
      { userid: '1234567', orderid: 'JH1531180524123006771818' },
    );
    expect(Object.entries(result)).toEqual([
      ['vin', 'WBAFR7103BC727722'],
      ['orderid', 'JH1531180524123006771818'],
      ['userid', '1234567'],
    ]);
    expect(Object.keys(buildResult(1100, {}, { userid: '' }))).toEqual(['vin', 'userid']);
  });

  it('gives 101 the detected type keys, then 证件类型, then the extras', () => {
    const result = buildResult(
      101,
      { 签发机关: '某市公安局' },
      { detectedCardType: 3, orderid: 'JH1531180126114835937669' },
    );
    expect(Object.entries(result)).toEqual([
      ['保留', ''],
      ['签发机关', '某市公安局'],
      ['有效期限', ''],
      ['签发日期', ''],
      ['有效期至', ''],
      ['证件类型', '3'],
      ['orderid', 'JH1531180126114835937669'],
    ]);
  });

  it('reads the detected type from fields when extras do not give it', () => {
    expect(buildResult(102, { 证件类型: '28', 证号: '1' })).toEqual({
      保留: '',
      证号: '1',
      姓名: '',
      档案编号: '',
      证件类型: '28',
    });
  });

  it('keeps 证件类型 as an ordinary field outside 101–104', () => {
    expect(buildResult(26, { 证件类型: 'CT' })['证件类型']).toBe('CT');
  });

  it('throws RangeError for an uncatalogued type or a missing detection', () => {
    expect(() => buildResult(8, {})).toThrow(RangeError);
    expect(() => buildResult(103, {})).toThrow(RangeError);
    expect(() => buildResult(103, {}, { detectedCardType: 2 })).toThrow(RangeError);
  });
});
