import type { SchemaObject } from '@nestjs/swagger';
import { JUHE_ERROR_CODES } from '@zhengjian/juhe';

/** OpenAPI pieces of the Juhe-compatible endpoints: the envelope, the request bodies, the error-code table. */

const ERROR_CODES = JUHE_ERROR_CODES.map((e) => e.code);

/** Fields shared by both recognition requests. */
const COMMON_FIELDS: Record<string, SchemaObject> = {
  key: {
    type: 'string',
    description: 'Your API key, here or in the query string (security scheme `key`): one of the two is needed',
    example: '0123456789abcdef0123456789abcdef',
  },
  cardType: {
    type: 'string',
    description: 'Juhe cardType code (see `/certificates/typeList`); 101-104 classify',
    example: '2',
  },
  userid: { type: 'string', maxLength: 128, description: 'Your own reference, echoed back as `result.userid`' },
  orderid: { type: 'string', enum: ['1'], description: '`1`: the result carries our order number `orderid`' },
  detail: {
    type: 'string',
    enum: ['1'],
    description:
      'Opt-in extension: `1` adds `result._detail` (per-field confidence and box, warnings, portraitBox, rotation, ' +
      'quality, and the document outline `document`)',
  },
  crop: {
    type: 'string',
    enum: ['1'],
    description:
      'Opt-in extension: `1` adds `result._crop`, the document cut out of the photo and warped upright (JPEG, Base64)',
  },
};

/** `result._crop`, the opt-in rectified document. */
export const CROP_RESULT_FIELD: SchemaObject = {
  type: 'string',
  format: 'byte',
  description:
    'With `crop=1`: the document cut out of the photo and warped to an upright rectangle of its printed proportions ' +
    '(ID-1 85.6 × 53.98 mm, TD3 125 × 88 mm) or of the outline found, as a JPEG in Base64 without a `data:` prefix',
};

export const QUERY_BASE64_BODY: SchemaObject = {
  type: 'object',
  required: ['cardType', 'base64'],
  properties: {
    ...COMMON_FIELDS,
    base64: {
      type: 'string',
      description: 'The image in Base64 (a `data:image/...;base64,` prefix is tolerated); ≤ 3 MB decoded',
    },
  },
};

export const QUERY_MULTIPART_BODY: SchemaObject = {
  type: 'object',
  required: ['cardType', 'pic'],
  properties: {
    ...COMMON_FIELDS,
    pic: {
      type: 'string',
      format: 'binary',
      description: 'The image file (JPEG, PNG, BMP, WebP…; bank cards: JPEG only); ≤ 3 MB',
    },
  },
};

export const ENVELOPE_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['error_code', 'reason', 'result'],
  properties: {
    error_code: { type: 'integer', enum: ERROR_CODES, description: '0 on success; see the error-code table' },
    reason: { type: 'string', description: "Juhe's reason text for the code, verbatim", example: '操作成功' },
    result: {
      type: 'object',
      nullable: true,
      additionalProperties: true,
      properties: { _crop: CROP_RESULT_FIELD },
      description:
        'null on error; on success the Chinese result keys of the cardType, then `orderid`/`userid` when asked, ' +
        'then `_detail` (`detail=1`) and `_crop` (`crop=1`)',
    },
  },
};

export const TYPE_LIST_SCHEMA: SchemaObject = {
  ...ENVELOPE_SCHEMA,
  properties: {
    ...ENVELOPE_SCHEMA.properties,
    result: {
      type: 'array',
      items: { type: 'object', properties: { code: { type: 'integer' }, name: { type: 'string' } } },
      example: [
        { code: 1, name: '二代身份证' },
        { code: 2, name: '身份证正面' },
      ],
    },
  },
};

export const ENVELOPE_EXAMPLES = {
  success: {
    summary: 'ID card front (cardType 2) with orderid=1 and userid',
    value: {
      error_code: 0,
      reason: '操作成功',
      result: {
        保留: '',
        姓名: '张三',
        性别: '男',
        民族: '汉',
        出生: '1990-01-01',
        住址: '北京市东城区示例路1号',
        公民身份号码: '11010119900101001X',
        头像: '/9j/4AAQSkZJRg…',
        orderid: 'JH1531180126114835937669',
        userid: 'customer-42',
      },
    },
  },
  recognitionFailed: { summary: '215305 (billed)', value: { error_code: 215305, reason: '识别失败!', result: null } },
  wrongKey: { summary: '10001 unknown key', value: { error_code: 10001, reason: '错误的请求KEY', result: null } },
  networkError: {
    summary: '215300 timeout or overload, retry (not billed)',
    value: { error_code: 215300, reason: '网络错误,请稍后重试', result: null },
  },
};

/** The Markdown table of every `error_code`, for the document's description. */
export function errorCodeTable(): string {
  const rows = JUHE_ERROR_CODES.map((e) => `| ${e.code} | ${e.reason} | ${e.kind} | ${e.billable ? 'yes' : 'no'} |`);
  return ['| error_code | reason | kind | billed |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
