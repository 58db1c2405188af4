import request from 'supertest';
import { type RunningService, nextIp, startService } from '../service/service.harness';
import { seedOrder } from './admin.fixture';

interface OpenApiParameter {
  name: string;
  in: string;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: OpenApiParameter[] }>>;
}

interface Route {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** OpenAPI template: `/admin/orders/{orderid}`. */
  path: string;
  query: string[];
  pathParams: string[];
}

const FUZZ_TIMEOUT = 300_000;

/** Query and path values a fuzzer throws at a parameter; each must be answered with a 2xx or a 4xx. */
const HOSTILE_VALUES: readonly string[] = [
  '99999999999',
  '99999999999999999999999',
  '2147483648',
  '-1',
  '-99999999999',
  'NaN',
  'Infinity',
  '1.5',
  '1e400',
  '0x10',
  '',
  ' ',
  '%00',
  'a%00b',
  '%ZZ',
  // Long, but within Node's 16 KB header limit (beyond it Node itself answers 431).
  'x'.repeat(8_000),
  '2026-13-45',
  '2026-02-30T00:00:00Z',
  '-9999-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '9999-12-31T23:59:59.999999999Z',
  '2026-W01',
  '2026-001',
  'null',
  '[]',
  '{}',
  '!!',
  Buffer.from('["9999-99-99T99:99:99.999999Z","8f0c2a4e-1b2c-4d5e-8f90-0123456789ab"]').toString('base64url'),
  Buffer.from('["2026-01-01T00:00:00.000000Z","not-a-uuid"]').toString('base64url'),
  Buffer.from('{"a":1}').toString('base64url'),
];

/** The GET routes of `/admin` and `/v1` with their query and path parameters, read from the OpenAPI document. */
function routesOf(document: OpenApiDocument): Route[] {
  const routes: Route[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    if (!path.startsWith('/admin/') && !path.startsWith('/v1/')) continue;
    for (const [method, operation] of Object.entries(operations)) {
      if (method !== 'get') continue;
      const parameters = operation.parameters ?? [];
      routes.push({
        method,
        path,
        query: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
      });
    }
  }
  return routes;
}

/**
 * Every query and path parameter of every GET route of the admin and async APIs, enumerated from the OpenAPI
 * document (so a parameter added to a DTO is fuzzed too), fed hostile values: huge, negative, non-finite and
 * fractional numbers, repeats (`?a=1&a=2`), NUL, malformed percent-encoding, very long strings, impossible and
 * out-of-range dates, forged cursors. None may answer 5xx.
 */
describe('query parameter fuzzing (service)', () => {
  let service: RunningService;
  let key: string;
  let routes: Route[];

  beforeAll(async () => {
    service = await startService({}, { withWorker: false });
    const created = await service.createKey();
    key = created.key;
    await seedOrder(service, { apiKeyId: created.id, cardType: 2, errorCode: 0 });
    const docs = await request(service.api.getHttpServer()).get('/docs-json');
    routes = routesOf(docs.body as OpenApiDocument);
  }, 180_000);

  afterAll(() => service?.close(), 60_000);

  function get(url: string) {
    return request(service.api.getHttpServer())
      .get(url)
      .set('Authorization', `Bearer ${service.config.adminToken}`)
      .set('X-Api-Key', key)
      .set('X-Forwarded-For', nextIp());
  }

  /** A path with every `{param}` filled (a valid-looking value unless told otherwise). */
  function pathOf(route: Route, values: Record<string, string> = {}): string {
    return route.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? 'JH0000000000000000000000');
  }

  it('finds the admin listings and the async order read in the document', () => {
    const summary = routes.map((r) => `${r.path} ${r.query.join(',')}`).sort();
    expect(summary).toEqual(
      expect.arrayContaining([
        '/admin/orders apiKeyId,from,to,cursor,limit,userid,cardType,status,error_code',
        '/admin/errors apiKeyId,from,to,cursor,limit,error_code',
        '/v1/recognitions/{orderid} ',
      ]),
    );
  });

  it(
    'never answers a hostile query value with a 5xx',
    async () => {
      const failures: string[] = [];
      for (const route of routes) {
        for (const name of route.query) {
          const urls = [
            ...HOSTILE_VALUES.map((value) => `${pathOf(route)}?${name}=${encodeValue(value)}`),
            `${pathOf(route)}?${name}=1&${name}=2`,
            `${pathOf(route)}?${name}[]=1`,
            `${pathOf(route)}?${name}[a]=1`,
          ];
          for (const url of urls) {
            const res = await get(url);
            if (res.status >= 500) failures.push(`${res.status} ${url.slice(0, 120)}`);
          }
        }
      }
      expect(failures).toEqual([]);
    },
    FUZZ_TIMEOUT,
  );

  it(
    'never answers a hostile path value with a 5xx, and always with JSON',
    async () => {
      const failures: string[] = [];
      for (const route of routes) {
        for (const name of route.pathParams) {
          for (const value of HOSTILE_VALUES.filter((v) => v !== '')) {
            const url = pathOf(route, { [name]: encodeValue(value) });
            const res = await get(url);
            if (res.status >= 500 || !res.type.includes('json')) failures.push(`${res.status} ${url.slice(0, 120)}`);
          }
        }
      }
      expect(failures).toEqual([]);
    },
    FUZZ_TIMEOUT,
  );

  it('answers a malformed percent-encoding in the path as an unknown order on /v1, a 400 on /admin', async () => {
    const notFound = { error_code: 215401, reason: 'order not found', result: null };
    for (const path of ['/v1/recognitions/%ZZ', '/v1/recognitions/JH%E0%A4%A']) {
      const res = await get(path);
      expect({ status: res.status, body: res.body as unknown }).toEqual({ status: 404, body: notFound });
    }
    const badRequest = { statusCode: 400, error: 'Bad Request', message: ['malformed percent-encoding in the path'] };
    for (const path of ['/admin/orders/%ZZ', '/admin/keys/%E0%A4%A']) {
      const res = await get(path);
      expect({ status: res.status, body: res.body as unknown }).toEqual({ status: 400, body: badRequest });
    }
  });

  it('answers numeric filters beyond PostgreSQL integer with 400 naming the parameter', async () => {
    for (const url of [
      '/admin/orders?error_code=99999999999',
      '/admin/orders?cardType=2147483648',
      '/admin/errors?error_code=99999999999',
    ]) {
      const res = await get(url);
      expect(res.status).toBe(400);
      expect((res.body as { message: string[] }).message).toEqual([
        `${url.split('?')[1]!.split('=')[0]} must not be greater than 2147483647`,
      ]);
    }
  });
});

/** A value as a client would put it in a URL: percent signs the fuzzer means literally stay raw (`%ZZ`, `%00`). */
function encodeValue(value: string): string {
  if (/%(?:ZZ|00)/.test(value)) return value;
  return encodeURIComponent(value);
}
