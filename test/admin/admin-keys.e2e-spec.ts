import request from 'supertest';
import { type RunningService, nextIp, startService } from '../service/service.harness';
import { adminHttp } from './admin.fixture';

/** `/admin/keys` over HTTP against the real api and Postgres: create, list, show, patch, disable, validation. */
describe('admin keys (service)', () => {
  let service: RunningService;

  beforeAll(async () => {
    service = await startService({}, { withWorker: false });
  }, 120_000);

  afterAll(() => service?.close(), 60_000);

  const admin = () => adminHttp(service);

  it('creates a key, shows its plaintext once and stores only its hash', async () => {
    const res = await admin().post('/admin/keys', {
      name: 'shop backend',
      dailyQuota: 100,
      allowedCardTypes: [3, 2, 2],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      key: expect.stringMatching(/^[0-9a-f]{32}$/),
      name: 'shop backend',
      prefix: res.body.key.slice(0, 8),
      status: 'active',
      dailyQuota: 100,
      totalQuota: null,
      allowedCardTypes: [2, 3],
      ipDenylist: [],
      isTest: false,
      webhookSecret: expect.stringMatching(/^\S{16,}$/),
      hasWebhookSecret: true,
    });
    const { rows } = await service.sql.query('SELECT key_hash, webhook_secret_enc FROM api_keys WHERE id = $1', [
      res.body.id,
    ]);
    expect(rows[0].key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].key_hash).not.toContain(res.body.key);
    expect(rows[0].webhook_secret_enc).not.toContain(res.body.webhookSecret);

    const shown = await admin().get(`/admin/keys/${res.body.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body).not.toHaveProperty('key');
    expect(shown.body).not.toHaveProperty('keyHash');
    expect(JSON.stringify(shown.body)).not.toContain(res.body.key);
    expect(JSON.stringify(shown.body)).not.toContain(res.body.webhookSecret);
  });

  it('lists keys newest first, never with a hash or a secret', async () => {
    const a = await admin().post('/admin/keys', { name: 'list a' });
    const b = await admin().post('/admin/keys', { name: 'list b' });
    const res = await admin().get('/admin/keys');
    expect(res.status).toBe(200);
    const ids = (res.body as { id: string }[]).map((k) => k.id);
    expect(ids.indexOf(b.body.id)).toBeLessThan(ids.indexOf(a.body.id));
    const text = JSON.stringify(res.body);
    for (const forbidden of ['keyHash', 'key_hash', 'webhookSecret', 'webhook_secret', a.body.key, b.body.key]) {
      expect(text).not.toContain(forbidden);
    }
  });

  it('patches quotas, expiry, card types, IP deny list, webhook URL and name; null clears a limit', async () => {
    const { body: key } = await admin().post('/admin/keys', { name: 'to patch', totalQuota: 5 });
    const expiresAt = '2031-01-02T03:04:05.000Z';
    const patched = await admin().patch(`/admin/keys/${key.id}`, {
      name: 'patched',
      dailyQuota: 7,
      totalQuota: null,
      expiresAt,
      allowedCardTypes: [1, 2],
      ipDenylist: ['203.0.113.7', '198.51.100.0/24'],
      webhookUrl: 'https://kyc.example.com/hook',
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      name: 'patched',
      dailyQuota: 7,
      totalQuota: null,
      expiresAt,
      allowedCardTypes: [1, 2],
      ipDenylist: ['203.0.113.7', '198.51.100.0/24'],
      webhookUrl: 'https://kyc.example.com/hook',
    });
    const cleared = await admin().patch(`/admin/keys/${key.id}`, { allowedCardTypes: null, expiresAt: null });
    expect(cleared.body).toMatchObject({ name: 'patched', dailyQuota: 7, allowedCardTypes: null, expiresAt: null });
  });

  it('makes the patch effective: a denied IP answers 10008', async () => {
    const { body: key } = await admin().post('/admin/keys', { name: 'deny' });
    await admin().patch(`/admin/keys/${key.id}`, { ipDenylist: ['10.250.0.0/16'] });
    const res = await request(service.api.getHttpServer())
      .post('/certificates/queryBase64')
      .set('X-Forwarded-For', '10.250.1.2')
      .type('form')
      .send({ key: key.key, cardType: '2', base64: 'AAAA' });
    expect(res.body).toMatchObject({ error_code: 10008, result: null });
  });

  it('disables a key: the admin sees it disabled and its requests answer 10009', async () => {
    const { body: key } = await admin().post('/admin/keys', { name: 'to disable' });
    const res = await admin().post(`/admin/keys/${key.id}/disable`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: key.id, status: 'disabled' });
    const juhe = await request(service.api.getHttpServer())
      .post('/certificates/queryBase64')
      .set('X-Forwarded-For', nextIp())
      .type('form')
      .send({ key: key.key, cardType: '2', base64: 'AAAA' });
    expect(juhe.body).toMatchObject({ error_code: 10009, result: null });
  });

  it('rotates the webhook secret: the new one is shown once and replaces the old one', async () => {
    const { body: key } = await admin().post('/admin/keys', { name: 'rotate' });
    const before = await service.sql.query('SELECT webhook_secret_enc FROM api_keys WHERE id = $1', [key.id]);
    const res = await admin().post(`/admin/keys/${key.id}/rotate-webhook-secret`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: key.id, webhookSecret: expect.stringMatching(/^\S{16,}$/) });
    expect(res.body.webhookSecret).not.toBe(key.webhookSecret);
    const after = await service.sql.query('SELECT webhook_secret_enc FROM api_keys WHERE id = $1', [key.id]);
    expect(after.rows[0].webhook_secret_enc).not.toBe(before.rows[0].webhook_secret_enc);
    const shown = await admin().get(`/admin/keys/${key.id}`);
    expect(JSON.stringify(shown.body)).not.toContain(res.body.webhookSecret);
  });

  it('answers 400 with a JSON message for invalid input', async () => {
    const cases: [string, object][] = [
      ['name', {}],
      ['dailyQuota', { name: 'x', dailyQuota: -1 }],
      ['expiresAt', { name: 'x', expiresAt: 'tomorrow' }],
      ['cardType 8 is not in the catalogue', { name: 'x', allowedCardTypes: [8] }],
      ['ipDenylist', { name: 'x', ipDenylist: ['not-an-ip'] }],
      ['webhookUrl', { name: 'x', webhookUrl: 'ftp://example.com' }],
      ['unknown should not exist', { name: 'x', unknown: 1 }],
    ];
    for (const [expected, body] of cases) {
      const res = await admin().post('/admin/keys', body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(JSON.stringify(res.body.message)).toContain(expected.split(' ')[0]);
    }
  });

  it('answers 404 for an unknown key and 400 for an id that is not a uuid', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await admin().get(`/admin/keys/${unknown}`)).status).toBe(404);
    expect((await admin().patch(`/admin/keys/${unknown}`, { name: 'x' })).status).toBe(404);
    expect((await admin().post(`/admin/keys/${unknown}/disable`)).status).toBe(404);
    expect((await admin().post(`/admin/keys/${unknown}/rotate-webhook-secret`)).status).toBe(404);
    expect((await admin().get('/admin/keys/not-a-uuid')).status).toBe(400);
  });
});
