import type { SchemaObject } from '@nestjs/swagger';
import { PROVIDER_NAMES } from '@zhengjian/config';

/** OpenAPI schemas of the admin read endpoints' answers (plain JSON Schema: the shapes come from `libs/orders`). */

const nullable = (type: string, extra: SchemaObject = {}): SchemaObject => ({ type, nullable: true, ...extra });
const dateTime: SchemaObject = { type: 'string', format: 'date-time' };

export const ORDER_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'An order without its image, result, image hash or client IP',
  properties: {
    id: { type: 'string', format: 'uuid' },
    orderid: { type: 'string', example: 'JH1531180126114835937669' },
    apiKeyId: { type: 'string', format: 'uuid' },
    userid: nullable('string'),
    cardType: { type: 'integer', example: 2 },
    mode: { type: 'string', enum: ['sync', 'async'] },
    provider: nullable('string', { enum: [...PROVIDER_NAMES] }),
    status: { type: 'string', enum: ['queued', 'processing', 'succeeded', 'failed'] },
    errorCode: nullable('integer', { example: 0 }),
    reason: nullable('string', { example: '操作成功' }),
    attempts: { type: 'integer' },
    callbackUrl: nullable('string'),
    createdAt: dateTime,
    startedAt: nullable('string', { format: 'date-time' }),
    finishedAt: nullable('string', { format: 'date-time' }),
    durationMs: nullable('integer'),
    erasedAt: nullable('string', {
      format: 'date-time',
      description: 'When the image, result and userid were erased (retention or a request); null before',
    }),
    erasedBy: nullable('string', { enum: ['retention', 'key', 'admin'] }),
  },
};

const page = (item: SchemaObject): SchemaObject => ({
  type: 'object',
  properties: {
    items: { type: 'array', items: item },
    nextCursor: nullable('string', { description: 'Pass as `cursor` for the next page; null on the last page' }),
  },
});

export const ORDER_PAGE_SCHEMA = page(ORDER_SCHEMA);

export const ORDER_TIMELINE_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    order: ORDER_SCHEMA,
    billing: nullable('object', {
      properties: {
        id: { type: 'string' },
        errorCode: { type: 'integer' },
        units: { type: 'integer' },
        createdAt: dateTime,
      },
    }),
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          errorCode: { type: 'integer' },
          reason: { type: 'string' },
          detail: nullable('string'),
          createdAt: dateTime,
        },
      },
    },
    webhookDeliveries: { type: 'array', items: { type: 'object', additionalProperties: true } },
    timeline: {
      type: 'array',
      description: 'Oldest first',
      items: {
        type: 'object',
        properties: {
          at: dateTime,
          event: {
            type: 'string',
            enum: ['created', 'started', 'finished', 'error', 'billed', 'webhook_delivery', 'erased'],
          },
          detail: { type: 'object', additionalProperties: true },
        },
      },
    },
  },
};

export const ERROR_PAGE_SCHEMA = page({
  type: 'object',
  properties: {
    id: { type: 'string', format: 'uuid' },
    orderId: nullable('string', { format: 'uuid' }),
    orderid: nullable('string'),
    apiKeyId: nullable('string', { format: 'uuid' }),
    errorCode: { type: 'integer', example: 10012 },
    reason: { type: 'string' },
    detail: nullable('string'),
    ip: nullable('string'),
    createdAt: dateTime,
  },
});

const COUNTS: Record<string, SchemaObject> = {
  records: { type: 'integer', description: 'Billed orders' },
  units: { type: 'integer', description: 'Charged units' },
  succeeded: { type: 'integer', description: 'Billed with error_code 0' },
  recognitionFailed: { type: 'integer', description: 'Billed with error_code 215305' },
};

export const BILLING_SUMMARY_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    groupBy: { type: 'string', enum: ['day', 'key', 'cardType'] },
    from: nullable('string', { format: 'date-time' }),
    to: nullable('string', { format: 'date-time' }),
    timeZone: { type: 'string', example: 'Asia/Shanghai' },
    groups: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          group: { type: 'string', description: 'YYYY-MM-DD, the api key id, or the cardType' },
          keyName: nullable('string'),
          keyPrefix: nullable('string'),
          ...COUNTS,
        },
      },
    },
    totals: { type: 'object', properties: COUNTS },
  },
};
