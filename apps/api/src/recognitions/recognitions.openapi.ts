import type { RequestBodyObject, SchemaObject } from '@nestjs/swagger';

/** Fields of `POST /v1/recognitions` besides the image, the same in JSON and multipart bodies. */
const COMMON_FIELDS: Record<string, SchemaObject> = {
  cardType: { type: 'string', description: 'Juhe cardType code (see `/certificates/typeList`)', example: '2' },
  userid: { type: 'string', maxLength: 128, description: 'Your own reference, returned with the order' },
  callbackUrl: {
    type: 'string',
    format: 'uri',
    description: 'http(s) URL that receives the signed `recognition.completed` webhook (public addresses only)',
  },
};

/** The request body of `POST /v1/recognitions`: JSON with `base64`, or multipart with the file `pic`. */
export const SUBMIT_REQUEST_BODY: RequestBodyObject = {
  required: true,
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['cardType', 'base64'],
        properties: {
          ...COMMON_FIELDS,
          base64: {
            type: 'string',
            description: 'The image in Base64 (a `data:` prefix is tolerated); ≤ 3 MB decoded',
          },
          detail: { type: 'boolean', description: '`true` adds `result._detail` (confidence, boxes, warnings)' },
          crop: {
            type: 'boolean',
            description: '`true` adds `result._crop`: the document warped upright, JPEG Base64 (stored encrypted)',
          },
        },
      },
    },
    'multipart/form-data': {
      schema: {
        type: 'object',
        required: ['cardType', 'pic'],
        properties: {
          ...COMMON_FIELDS,
          pic: { type: 'string', format: 'binary', description: 'The image file (JPEG, PNG, WebP, BMP); ≤ 3 MB' },
          detail: { type: 'string', enum: ['1', 'true'], description: 'Adds `result._detail`' },
          crop: { type: 'string', enum: ['1', 'true'], description: 'Adds `result._crop`' },
        },
      },
    },
  },
};
