/**
 * Juhe's `error_code` table for 证件识别 (seed document, version 2025-03-29): the success code, the service codes
 * 2153xx and the platform-wide system codes 100xx. Reasons are contract data: clients compare them verbatim, so
 * they keep Juhe's punctuation exactly (ASCII `,` and `!`, a space after the comma in 10005 and 10014).
 */

/** Every `error_code` this service can answer with, by name. */
export const JuheErrorCode = {
  Success: 0,
  // Service codes: leading 2 = service error, 153 = the 证件识别 module, then the error number.
  NetworkError: 215300,
  GetNotSupported: 215301,
  FileTooLarge: 215302,
  CardTypeError: 215303,
  FileTypeError: 215304,
  RecognitionFailed: 215305,
  UploadFailed: 215306,
  UploadError: 215307,
  WrongCardType: 215308,
  // System codes: leading 1 = system error.
  InvalidKey: 10001,
  KeyNotPermitted: 10002,
  KeyExpired: 10003,
  InvalidOpenId: 10004,
  AppNotReviewed: 10005,
  UnknownSource: 10007,
  IpForbidden: 10008,
  KeyForbidden: 10009,
  IpRateExceeded: 10011,
  RequestLimitExceeded: 10012,
  TestKeyLimitExceeded: 10013,
  InternalError: 10014,
  Maintenance: 10020,
  Disabled: 10021,
} as const;

/** The numeric codes of {@link JuheErrorCode}. */
export type JuheErrorCode = (typeof JuheErrorCode)[keyof typeof JuheErrorCode];

/** `success` is code 0 only; `service` codes are 2153xx; `system` codes are Juhe's platform-wide 100xx. */
export type JuheCodeKind = 'success' | 'service' | 'system';

/** One row of the table. */
export interface JuheErrorInfo {
  readonly code: JuheErrorCode;
  /** The `reason` Juhe sends, verbatim. */
  readonly reason: string;
  readonly kind: JuheCodeKind;
  /** System codes only: the value of the `resultcode` field of Juhe's older APIs (code − 9900). */
  readonly legacyResultCode?: number;
  /** Whether the call is charged. Only 0 and 215305 are (seed: billing rule). */
  readonly billable: boolean;
  /** Always 200: Juhe answers every contract outcome with HTTP 200 and puts the outcome in the envelope. */
  readonly httpStatus: 200;
}

type Row = [code: JuheErrorCode, reason: string];

const SUCCESS: Row = [0, '操作成功'];

const SERVICE: readonly Row[] = [
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

const SYSTEM: readonly Row[] = [
  [10001, '错误的请求KEY'],
  [10002, '该KEY无请求权限'],
  [10003, 'KEY过期'],
  [10004, '错误的OPENID'],
  [10005, '应用未审核超时, 请提交认证'],
  [10007, '未知的请求源'],
  [10008, '被禁止的IP'],
  [10009, '被禁止的KEY'],
  [10011, '当前IP请求超过限制'],
  [10012, '请求超过次数限制'],
  [10013, '测试KEY超过请求限制'],
  [10014, '系统内部异常(调用充值类业务时, 请务必联系客服或通过订单查询接口检测订单, 避免造成损失)'],
  [10020, '接口维护'],
  [10021, '接口停用'],
];

const BILLABLE: ReadonlySet<number> = new Set([JuheErrorCode.Success, JuheErrorCode.RecognitionFailed]);

function row([code, reason]: Row, kind: JuheCodeKind): JuheErrorInfo {
  // Juhe's old resultcode is the new code's last three digits (10001 → 101, 10021 → 121).
  const legacy = kind === 'system' ? { legacyResultCode: code - 9900 } : {};
  return Object.freeze({ code, reason, kind, ...legacy, billable: BILLABLE.has(code), httpStatus: 200 as const });
}

/** The whole table: 0, then the service codes, then the system codes, each ascending. */
export const JUHE_ERROR_CODES: readonly JuheErrorInfo[] = Object.freeze([
  row(SUCCESS, 'success'),
  ...SERVICE.map((r) => row(r, 'service')),
  ...SYSTEM.map((r) => row(r, 'system')),
]);

const BY_CODE: ReadonlyMap<number, JuheErrorInfo> = new Map(JUHE_ERROR_CODES.map((e) => [e.code, e]));

/** Whether `code` is in the table (a value this service may put in `error_code`). */
export function isJuheErrorCode(code: number): code is JuheErrorCode {
  return BY_CODE.has(code);
}

/** The table row of `code`. Unknown codes give `undefined` (e.g. an unexpected upstream code). */
export function findErrorCode(code: number): JuheErrorInfo | undefined {
  return BY_CODE.get(code);
}

/** The verbatim `reason` of a known code. */
export function reasonFor(code: JuheErrorCode): string {
  const info = BY_CODE.get(code);
  if (!info) throw new RangeError(`error_code ${code} is not in the table`);
  return info.reason;
}

/**
 * A reason that keeps the table's text intact and appends a non-personal explanation in brackets, e.g.
 * `cardType error! (cardType 5 is not supported yet)`. Clients that compare the start of `reason` keep working.
 */
export function reasonWithDetail(code: JuheErrorCode, detail?: string): string {
  return detail ? `${reasonFor(code)} (${detail})` : reasonFor(code);
}

/** Billing rule: an outcome is charged exactly when its `error_code` is 0 or 215305; any other number is free. */
export function isBillable(code: number): boolean {
  return BILLABLE.has(code);
}
