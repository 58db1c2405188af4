import request from 'supertest';
import { JUHE_ERROR_CODES } from '@zhengjian/juhe';
import { expressRoutes, toOpenApiPath } from '../../apps/api/src/openapi/express-routes';
import { createOpenApiDocumentOffline } from '../../apps/api/src/openapi/openapi-document.offline';
import { type RunningService, startService } from '../service/service.harness';

/** Routes that serve the documentation itself (registered by SwaggerModule). */
const DOCS_ROUTE = /^\/docs(?:\/|-json$|-yaml$|$)/;

interface OpenApiOperation {
  responses: Record<string, unknown>;
  summary?: string;
  description?: string;
  security?: unknown;
  tags?: string[];
  requestBody?: {
    required?: boolean;
    content: Record<string, { schema: { required?: string[]; properties: object } }>;
  };
}

interface OpenApiDocument {
  info: { description: string };
  servers: Array<{ url: string }>;
  components: { securitySchemes: Record<string, unknown> };
  paths: Record<string, Record<string, OpenApiOperation>>;
}

/** The request body's media types, each with its required fields and the format of its image field. */
function bodyShape(operation: OpenApiOperation | undefined) {
  return Object.fromEntries(
    Object.entries(operation?.requestBody?.content ?? {}).map(([type, { schema }]) => {
      const props = schema.properties as Record<string, { format?: string }>;
      return [type, { required: schema.required, pic: props.pic?.format ?? null, base64: 'base64' in props }];
    }),
  );
}

/**
 * `/docs-json` describes every route the api has: the Express router is walked after boot and each (method, path)
 * must be in the document, so adding an undocumented route fails this test.
 */
describe('OpenAPI document (service)', () => {
  let service: RunningService;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    service = await startService({}, { withWorker: false });
    const res = await request(service.api.getHttpServer()).get('/docs-json');
    expect(res.status).toBe(200);
    doc = res.body as OpenApiDocument;
  }, 120_000);

  afterAll(() => service?.close(), 60_000);

  it('lists every route of the app with its method', () => {
    const routes = expressRoutes(service.api).filter((route) => !DOCS_ROUTE.test(route.path));
    expect(routes.length).toBeGreaterThan(20);
    const missing = routes
      .map((route) => `${route.method} ${toOpenApiPath(route.path)}`)
      .filter((route) => {
        const [method, path] = route.split(' ') as [string, string];
        return doc.paths[path]?.[method.toLowerCase()] === undefined;
      });
    expect(missing).toEqual([]);
  });

  it('gives every operation a tag and a described answer', () => {
    const bare: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations) as [string, OpenApiOperation][]) {
        const described = Object.values(operation.responses).some((r) => (r as { description?: string }).description);
        if (!operation.tags?.length || !described) bare.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(bare).toEqual([]);
  });

  it('is the document lint:openapi checks, generated without PostgreSQL or Redis', async () => {
    expect(JSON.parse(JSON.stringify(await createOpenApiDocumentOffline()))).toEqual(doc);
  });

  it('gives every operation a summary and a security requirement', () => {
    const incomplete: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations) as [string, OpenApiOperation][]) {
        if (!operation.summary || !Array.isArray(operation.security)) incomplete.push(`${method} ${path}`);
      }
    }
    expect(incomplete).toEqual([]);
  });

  it('declares the three credentials: key in the query, X-Api-Key, and the admin bearer token', () => {
    expect(doc.components.securitySchemes).toEqual({
      key: expect.objectContaining({ type: 'apiKey', in: 'query', name: 'key' }),
      apiKey: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }),
      admin: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN of the server' },
    });
    expect(doc.paths['/certificates/query']?.post?.security).toEqual([{ key: [] }]);
    expect(doc.paths['/certificates/typeList']?.get?.security).toEqual([{ key: [] }]);
    expect(doc.paths['/v1/recognitions/{orderid}']?.get?.security).toEqual([{ apiKey: [] }]);
    expect(doc.paths['/admin/keys']?.get?.security).toEqual([{ admin: [] }]);
    expect(doc.paths['/health']?.get?.security).toEqual([{}]);
    expect(doc.servers.map((server) => server.url)).toEqual(['/', 'http://{host}:{port}']);
  });

  it('describes the request bodies that carry an image, per media type', () => {
    expect(bodyShape(doc.paths['/certificates/query']?.post)).toEqual({
      'multipart/form-data': { required: ['cardType', 'pic'], pic: 'binary', base64: false },
    });
    expect(bodyShape(doc.paths['/certificates/queryBase64.php']?.post)).toEqual({
      'application/x-www-form-urlencoded': { required: ['cardType', 'base64'], pic: null, base64: true },
      'application/json': { required: ['cardType', 'base64'], pic: null, base64: true },
      // PHP curl with an array of fields posts multipart: the same fields, `base64` as a text part.
      'multipart/form-data': { required: ['cardType', 'base64'], pic: null, base64: true },
    });
    expect(bodyShape(doc.paths['/v1/recognitions']?.post)).toEqual({
      'application/json': { required: ['cardType', 'base64'], pic: null, base64: true },
      'multipart/form-data': { required: ['cardType', 'pic'], pic: 'binary', base64: false },
    });
  });

  it('documents the bull-board dashboard, mounted outside the router', () => {
    expect(doc.paths['/admin/queues']?.get?.security).toEqual([{ admin: [] }]);
  });

  it('documents the Juhe endpoints, .php aliases included, as always HTTP 200 with the envelope', () => {
    for (const path of [
      '/certificates/query',
      '/certificates/query.php',
      '/certificates/queryBase64',
      '/certificates/queryBase64.php',
    ]) {
      const post = doc.paths[path]?.post;
      expect(post?.description).toContain('Always HTTP 200');
      expect(Object.keys(post?.responses ?? {})).toEqual(['200']);
    }
    expect(doc.paths['/certificates/typeList.php']?.get).toBeDefined();
  });

  it('carries the whole error-code table in the description', () => {
    for (const { code, reason } of JUHE_ERROR_CODES) {
      expect(doc.info.description).toContain(`| ${code} | ${reason} |`);
    }
  });

  it('serves the UI at /docs', async () => {
    const res = await request(service.api.getHttpServer()).get('/docs/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('swagger-ui');
  });
});
