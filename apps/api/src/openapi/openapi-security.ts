import { ApiExtension, ApiSecurity, type OpenAPIObject, type RequestBodyObject } from '@nestjs/swagger';

/** Security scheme of the Juhe endpoints: `key`, in the query string (Juhe also takes it as a form field). */
export const JUHE_KEY_SECURITY = 'key';
/** Security scheme of `/v1/recognitions`: the key in the `X-Api-Key` header. */
export const API_KEY_SECURITY = 'apiKey';

/**
 * An operation that needs no credentials (`security: [{}]`, the empty requirement that anyone satisfies). Stated
 * rather than left out, so that a route forgetting its scheme stands out in the OpenAPI lint.
 */
export function ApiPublic(): MethodDecorator & ClassDecorator {
  return ApiSecurity({});
}

/** Extension carrying a request body that `@ApiBody` cannot express; moved to `requestBody` by the patch below. */
const REQUEST_BODY_EXTENSION = 'x-zhengjian-request-body';

/**
 * The whole `requestBody` of an operation, one schema per media type (`@ApiBody` gives every media type of
 * `@ApiConsumes` the same schema, but a JSON body carries `base64` where a multipart one carries the file `pic`).
 * Takes effect through {@link documentRequestBodies}.
 */
export function ApiRequestBody(body: RequestBodyObject): MethodDecorator {
  return ApiExtension(REQUEST_BODY_EXTENSION, body);
}

/** Moves every {@link ApiRequestBody} into its operation's `requestBody`. */
export function documentRequestBodies(document: OpenAPIObject): OpenAPIObject {
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations) as Array<Record<string, unknown>>) {
      if (typeof operation !== 'object' || operation === null || !(REQUEST_BODY_EXTENSION in operation)) continue;
      operation.requestBody = operation[REQUEST_BODY_EXTENSION];
      delete operation[REQUEST_BODY_EXTENSION];
    }
  }
  return document;
}
