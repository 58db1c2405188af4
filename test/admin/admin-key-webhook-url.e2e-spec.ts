import { type RunningService, startService } from '../service/service.harness';
import { adminHttp } from './admin.fixture';

const refused = (host: string) => ({
  statusCode: 400,
  error: 'Bad Request',
  message: [
    `webhookUrl refused: host ${host} is a private, loopback or link-local address ` +
      '(WEBHOOK_ALLOW_PRIVATE=true allows such targets)',
  ],
});

/**
 * A key's default `webhookUrl` meets the webhook target policy when it is set (`POST /admin/keys`,
 * `PATCH /admin/keys/:id`), not only when a delivery connects; `WEBHOOK_ALLOW_PRIVATE=true` lifts it.
 */
describe('admin keys: webhookUrl target policy (service)', () => {
  let service: RunningService;

  beforeAll(async () => {
    service = await startService({ webhookAllowPrivate: false }, { withWorker: false });
  }, 180_000);

  afterEach(() => {
    service.apiConfig.webhookAllowPrivate = false;
  });

  afterAll(() => service?.close(), 60_000);

  it.each([
    ['http://127.0.0.1:8080/hook', '127.0.0.1'],
    ['https://10.1.2.3/hook', '10.1.2.3'],
    ['http://192.168.0.7/hook', '192.168.0.7'],
    ['http://169.254.169.254/latest/meta-data', '169.254.169.254'],
    ['http://[::1]/hook', '::1'],
    ['http://localhost:3000/hook', 'localhost'],
  ])('refuses %s on create and on update with 400', async (url, host) => {
    const admin = adminHttp(service);
    const create = await admin.post('/admin/keys', { name: 'private hook', webhookUrl: url });
    expect({ status: create.status, body: create.body as unknown }).toEqual({ status: 400, body: refused(host) });

    const made = await admin.post('/admin/keys', { name: 'later hook' });
    expect(made.status).toBe(201);
    const id = (made.body as { id: string }).id;
    const update = await admin.patch(`/admin/keys/${id}`, { webhookUrl: url });
    expect({ status: update.status, body: update.body as unknown }).toEqual({ status: 400, body: refused(host) });
    expect(((await admin.get(`/admin/keys/${id}`)).body as { webhookUrl: unknown }).webhookUrl).toBeNull();
  });

  it('accepts a public address, a name that does not resolve yet, and null', async () => {
    const admin = adminHttp(service);
    const created = await admin.post('/admin/keys', { name: 'public hook', webhookUrl: 'https://93.184.215.14/hook' });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    const renamed = await admin.patch(`/admin/keys/${id}`, { webhookUrl: 'https://hooks.invalid/zhengjian' });
    expect({ status: renamed.status, url: (renamed.body as { webhookUrl: unknown }).webhookUrl }).toEqual({
      status: 200,
      url: 'https://hooks.invalid/zhengjian',
    });
    const cleared = await admin.patch(`/admin/keys/${id}`, { webhookUrl: null });
    expect((cleared.body as { webhookUrl: unknown }).webhookUrl).toBeNull();
  });

  it('accepts private targets when WEBHOOK_ALLOW_PRIVATE is true', async () => {
    service.apiConfig.webhookAllowPrivate = true;
    const admin = adminHttp(service);
    const created = await admin.post('/admin/keys', { name: 'lab hook', webhookUrl: 'http://127.0.0.1:8080/hook' });
    expect({ status: created.status, url: (created.body as { webhookUrl: unknown }).webhookUrl }).toEqual({
      status: 201,
      url: 'http://127.0.0.1:8080/hook',
    });
  });
});
