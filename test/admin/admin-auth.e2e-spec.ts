import request from 'supertest';
import { expressRoutes } from '../../apps/api/src/openapi/express-routes';
import { type RunningService, startService } from '../service/service.harness';

const ANY_UUID = '00000000-0000-4000-8000-000000000000';
const ANY_ORDERID = 'JH0000000000000000000000';
/** The dashboard's sign-in routes are public by design: they are how a browser gets its session. */
const PUBLIC_ADMIN_ROUTE = /^\/admin\/(?:login|logout)$/;

/** Every admin route refuses a request without the bearer token, or with a wrong one: 401 and a JSON error. */
describe('admin authentication (service)', () => {
  let service: RunningService;
  let adminRoutes: { method: string; path: string }[];

  beforeAll(async () => {
    service = await startService({}, { withWorker: false });
    const concrete = (path: string) => path.replace(':orderid', ANY_ORDERID).replace(/:[A-Za-z]+/g, ANY_UUID);
    adminRoutes = [
      ...expressRoutes(service.api)
        .filter((route) => route.path.startsWith('/admin') && !PUBLIC_ADMIN_ROUTE.test(route.path))
        .map((route) => ({ method: route.method, path: concrete(route.path) })),
      // The bull-board dashboard and its API (mounted as middleware, not routes).
      { method: 'GET', path: '/admin/queues' },
      { method: 'GET', path: '/admin/queues/api/queues' },
    ];
  }, 120_000);

  afterAll(() => service?.close(), 60_000);

  const call = (method: string, path: string, authorization?: string) => {
    const http = request(service.api.getHttpServer());
    const req =
      method === 'GET'
        ? http.get(path)
        : method === 'PATCH'
          ? http.patch(path)
          : method === 'DELETE'
            ? http.delete(path)
            : http.post(path);
    return authorization ? req.set('Authorization', authorization) : req;
  };

  it('knows every admin route of the app (keys, orders, billing, errors at least)', () => {
    const paths = adminRoutes.map((r) => `${r.method} ${r.path}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'POST /admin/keys',
        'GET /admin/keys',
        `GET /admin/keys/${ANY_UUID}`,
        `PATCH /admin/keys/${ANY_UUID}`,
        `POST /admin/keys/${ANY_UUID}/disable`,
        `POST /admin/keys/${ANY_UUID}/rotate-webhook-secret`,
        'GET /admin/orders',
        `GET /admin/orders/${ANY_ORDERID}`,
        `DELETE /admin/orders/${ANY_ORDERID}`,
        'GET /admin/billing/summary',
        'GET /admin/errors',
      ]),
    );
  });

  it('answers 401 with a JSON error without a token, on every admin route', async () => {
    for (const route of adminRoutes) {
      const res = await call(route.method, route.path);
      expect({ route, status: res.status, type: res.type }).toEqual({ route, status: 401, type: 'application/json' });
      expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    }
  });

  it('answers 401 with a wrong token, a token of another scheme, or the token with a suffix', async () => {
    const token = service.config.adminToken;
    for (const authorization of ['Bearer wrong-token-0123456789', `Basic ${token}`, `Bearer ${token}x`, token]) {
      for (const route of adminRoutes) {
        const res = await call(route.method, route.path, authorization);
        expect({ route, authorization, status: res.status }).toEqual({ route, authorization, status: 401 });
      }
    }
  });

  it('lets the right token through (a GET of each kind answers 200)', async () => {
    const authorization = `Bearer ${service.config.adminToken}`;
    for (const path of ['/admin/keys', '/admin/orders', '/admin/errors', '/admin/billing/summary', '/admin/queues']) {
      const res = await call('GET', path, authorization);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
    }
  });
});
