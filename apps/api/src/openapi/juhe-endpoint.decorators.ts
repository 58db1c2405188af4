import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiPublic, JUHE_KEY_SECURITY } from './openapi-security';
import {
  ENVELOPE_EXAMPLES,
  ENVELOPE_SCHEMA,
  QUERY_BASE64_BODY,
  QUERY_MULTIPART_BODY,
  TYPE_LIST_SCHEMA,
} from './juhe-openapi.schemas';

/** OpenAPI tag of the Juhe-compatible endpoints. */
export const JUHE_TAG = 'Juhe-compatible 证件识别';

const ALWAYS_200 =
  'Always HTTP 200 with the Juhe envelope `{ error_code, reason, result }`, errors included (as Juhe answers): ' +
  'check `error_code`, not the HTTP status. The `.php` path is an alias, as Juhe clients call it.';

const envelopeResponse = () =>
  ApiOkResponse({
    description: 'The Juhe envelope (for every outcome)',
    content: { 'application/json': { schema: ENVELOPE_SCHEMA, examples: ENVELOPE_EXAMPLES } },
  });

/** `POST /certificates/queryBase64[.php]`. */
export function ApiJuheQueryBase64(): MethodDecorator {
  return applyDecorators(
    ApiTags(JUHE_TAG),
    ApiOperation({ summary: 'Recognise a document sent as Base64 (synchronous)', description: ALWAYS_200 }),
    ApiSecurity(JUHE_KEY_SECURITY),
    ApiConsumes('application/x-www-form-urlencoded', 'application/json', 'multipart/form-data'),
    ApiBody({ schema: QUERY_BASE64_BODY }),
    envelopeResponse(),
  );
}

/** `POST /certificates/query[.php]`. */
export function ApiJuheQueryUpload(): MethodDecorator {
  return applyDecorators(
    ApiTags(JUHE_TAG),
    ApiOperation({
      summary: 'Recognise a document uploaded as the file part `pic` (synchronous)',
      description: ALWAYS_200,
    }),
    ApiSecurity(JUHE_KEY_SECURITY),
    ApiConsumes('multipart/form-data'),
    ApiBody({ schema: QUERY_MULTIPART_BODY }),
    envelopeResponse(),
  );
}

/** `GET` on the recognition paths: 215301. */
export function ApiJuheGetRefused(): MethodDecorator {
  return applyDecorators(
    ApiTags(JUHE_TAG),
    ApiOperation({ summary: 'Not supported: answers 215301 (不支持GET请求) with HTTP 200, as Juhe does' }),
    ApiPublic(),
    ApiOkResponse({
      description: 'Always `{ error_code: 215301, reason: "不支持GET请求", result: null }`',
      content: {
        'application/json': {
          schema: ENVELOPE_SCHEMA,
          example: { error_code: 215301, reason: '不支持GET请求', result: null },
        },
      },
    }),
  );
}

/** `GET`/`POST /certificates/typeList[.php]`. */
export function ApiJuheTypeList(): MethodDecorator {
  return applyDecorators(
    ApiTags(JUHE_TAG),
    ApiOperation({
      summary: 'The cardType catalogue (code and name); needs a valid key (not counted against its quota)',
      description: `${ALWAYS_200} Unknown key 10001, disabled 10009, expired 10003.`,
    }),
    ApiSecurity(JUHE_KEY_SECURITY),
    ApiOkResponse({ description: 'The catalogue in the envelope', schema: TYPE_LIST_SCHEMA }),
  );
}
