import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  JUHE_ERROR_CODES,
  JuheErrorCode,
  findErrorCode,
  isBillable,
  isJuheErrorCode,
  reasonFor,
  reasonWithDetail,
} from './error-codes';

// Typed by hand from the seed's two tables, independently of error-codes.ts.
const SERVICE: ReadonlyArray<[number, string]> = [
  [215300, '网络错误,请稍后重试'],
  [215301, '不支持GET请求'],
  [215302, '上传文件超过最大限制!'],
  [215303, 'cardType error!'],
  [215304, 'file name type error!'],
  [215305, '识别失败!'],
  [215306, '图片上传失败'],
  [215307, '图片上传发生错误'],
  [215308, '证件类型错误'],
];
const SYSTEM: ReadonlyArray<[number, string, number]> = [
  [10001, '错误的请求KEY', 101],
  [10002, '该KEY无请求权限', 102],
  [10003, 'KEY过期', 103],
  [10004, '错误的OPENID', 104],
  [10005, '应用未审核超时, 请提交认证', 105],
  [10007, '未知的请求源', 107],
  [10008, '被禁止的IP', 108],
  [10009, '被禁止的KEY', 109],
  [10011, '当前IP请求超过限制', 111],
  [10012, '请求超过次数限制', 112],
  [10013, '测试KEY超过请求限制', 113],
  [10014, '系统内部异常(调用充值类业务时, 请务必联系客服或通过订单查询接口检测订单, 避免造成损失)', 114],
  [10020, '接口维护', 120],
  [10021, '接口停用', 121],
];

/** Juhe's documentation, the tables copied verbatim (committed beside this spec, source named in the file). */
const JUHE_DOC = resolve(__dirname, 'testing/juhe-certificates-api.excerpt.txt');

describe('Juhe error-code table', () => {
  it('answers success with 操作成功, billed', () => {
    expect(findErrorCode(0)).toEqual({ code: 0, reason: '操作成功', kind: 'success', billable: true, httpStatus: 200 });
  });

  it.each(SERVICE)('has service code %i with reason %s', (code, reason) => {
    expect(findErrorCode(code)).toEqual({
      code,
      reason,
      kind: 'service',
      billable: code === 215305,
      httpStatus: 200,
    });
  });

  it.each(SYSTEM)('has system code %i with reason %s and legacy resultcode %i', (code, reason, legacy) => {
    expect(findErrorCode(code)).toEqual({
      code,
      reason,
      kind: 'system',
      legacyResultCode: legacy,
      billable: false,
      httpStatus: 200,
    });
  });

  it('holds nothing else', () => {
    const expected = [0, ...SERVICE.map(([c]) => c), ...SYSTEM.map(([c]) => c)];
    expect(JUHE_ERROR_CODES.map((e) => e.code)).toEqual(expected);
    expect(Object.values(JuheErrorCode).sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
    expect(isJuheErrorCode(10006)).toBe(false);
    expect(findErrorCode(215309)).toBeUndefined();
  });

  it("matches the error tables of Juhe's documentation", () => {
    const rows = readFileSync(JUHE_DOC, 'utf8')
      .split('\n')
      .map((l) => /^\| (\d{5,6}) \| (.+?) \|(?: (\d+) \|)?$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null);
    const seed = rows.map(([, code, reason, legacy]) => [Number(code), reason, legacy && Number(legacy)]);
    const ours = [...SERVICE.map(([c, r]) => [c, r, undefined]), ...SYSTEM];
    expect(seed).toEqual(ours);
  });

  it('bills exactly 0 and 215305', () => {
    const billed = JUHE_ERROR_CODES.filter((e) => e.billable).map((e) => e.code);
    expect(billed).toEqual([0, 215305]);
    expect(isBillable(0)).toBe(true);
    expect(isBillable(215305)).toBe(true);
    for (const code of [215300, 215303, 215308, 10001, 10014, 1, -1, 999999]) expect(isBillable(code)).toBe(false);
  });

  it('answers every code with HTTP 200', () => {
    expect(new Set(JUHE_ERROR_CODES.map((e) => e.httpStatus))).toEqual(new Set([200]));
  });

  it('names the codes', () => {
    expect(JuheErrorCode.RecognitionFailed).toBe(215305);
    expect(JuheErrorCode.WrongCardType).toBe(215308);
    expect(JuheErrorCode.InternalError).toBe(10014);
  });

  it('appends a detail to the reason in brackets and keeps the table text', () => {
    expect(reasonFor(215303)).toBe('cardType error!');
    expect(reasonWithDetail(215303, 'cardType 5 is not supported yet')).toBe(
      'cardType error! (cardType 5 is not supported yet)',
    );
    expect(reasonWithDetail(215305)).toBe('识别失败!');
  });
});
