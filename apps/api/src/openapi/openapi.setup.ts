import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ADMIN_SECURITY } from '../admin/admin-endpoint.decorator';
import { documentUnroutedPaths } from './openapi.patches';
import { API_KEY_SECURITY, JUHE_KEY_SECURITY, documentRequestBodies } from './openapi-security';
import { errorCodeTable } from './juhe-openapi.schemas';

/** Where the UI and the JSON document are served. */
export const DOCS_PATH = 'docs';
export const DOCS_JSON_PATH = 'docs-json';

const DESCRIPTION = `
Self-hostable, Juhe-compatible 证件识别 (document recognition) for KYC platforms.

**Juhe-compatible endpoints** (\`/certificates/*\`, \`.php\` aliases included) answer **HTTP 200 for every outcome**
with Juhe's envelope \`{ "error_code": 0, "reason": "操作成功", "result": { … } }\`; on error \`result\` is null. Clients
check \`error_code\`. Only \`error_code\` 0 and 215305 are billed.

**Async API** (\`/v1/recognitions\`): key in \`X-Api-Key\`, 202 then poll or receive a signed webhook.

**Admin API** (\`/admin/*\`, the queue dashboard \`/admin/queues\` included): \`Authorization: Bearer <ADMIN_TOKEN>\`;
plain REST status codes (400 invalid input, 401 no or wrong token, 404 unknown id).

**Operations**: \`/health\` (200 or 503), \`/metrics\` (Prometheus text).

### error_code

${errorCodeTable()}
`;

/** The OpenAPI document of the api (every route; see `openapi.patches.ts` for those outside Nest's router). */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('zhengjian')
    .setDescription(DESCRIPTION.trim())
    .setVersion('1')
    // Relative: the server that serves this document (Swagger UI's "Try it out" calls it); generated clients
    // take their base URL from their own configuration.
    .addServer('/', 'The zhengjian server this document is served from')
    .addServer('http://{host}:{port}', 'A zhengjian server of your own', {
      host: { default: '127.0.0.1', description: 'Host name or address' },
      port: { default: '3000', description: 'PORT of the api' },
    })
    .addSecurity(JUHE_KEY_SECURITY, {
      type: 'apiKey',
      in: 'query',
      name: 'key',
      description: 'Your API key. Juhe clients may send it as the form field `key` instead, which works the same.',
    })
    .addSecurity(API_KEY_SECURITY, { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'Your API key' })
    .addSecurity(ADMIN_SECURITY, { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN of the server' })
    .build();
  return documentRequestBodies(documentUnroutedPaths(SwaggerModule.createDocument(app, config)));
}

/** Serves the UI at `/docs` and the JSON at `/docs-json` (call before `init()`/`listen()`). */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup(DOCS_PATH, app, () => createOpenApiDocument(app), {
    jsonDocumentUrl: DOCS_JSON_PATH,
    yamlDocumentUrl: 'docs-yaml',
  });
}
