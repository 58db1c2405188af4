import request from 'supertest';
import { JUHE_ERROR_CODES } from '@zhengjian/juhe';
import { expressRoutes, toOpenApiPath } from '../../apps/api/src/openapi/express-routes';
import { type RunningService, startService } from '../service/service.harness';

/** Routes that serve the documentation itself (registered by SwaggerModule). */
const DOCS_ROUTE = /^\/docs(?:\/|-json$|-yaml$|$)/;

interface OpenApiOperation {
  responses: Record<string, unknown>;
  description?: string;
  security?: unknown;
  tags?: string[];
}

interface OpenApiDocument {
  info: { description: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
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
