import request from 'supertest';
import { localCardTypes } from '@zhengjian/engine';
import { adminHttp } from '../admin/admin.fixture';
import { type ServiceImages, serviceImages } from '../service/images.fixture';
import { type RunningService, nextIp, startService } from '../service/service.harness';

/**
 * U+0000 in request values: PostgreSQL text cannot hold it, so it must never reach an insert or a query. The
 * recognition endpoints drop it from `userid` (the order is created, never 10014/500); the admin API refuses it
 * with 400. No worker: only admission and the stored rows matter here.
 */
describe('NUL characters in request values (service)', () => {
  let service: RunningService;
  let images: ServiceImages;

  beforeAll(async () => {
    images = await serviceImages(5);
    service = await startService({ syncTimeoutMs: 300 }, { withWorker: false });
  }, 120_000);

  afterAll(async () => {
    await service?.close();
  }, 60_000);

  const http = () => request(service.api.getHttpServer());
  const userids = async (apiKeyId: string) =>
    (
      await service.sql.query<{ userid: string | null }>(
        'SELECT userid FROM orders WHERE api_key_id = $1 ORDER BY created_at',
        [apiKeyId],
      )
    ).rows.map((row) => row.userid);
  const errorCodes = async (apiKeyId: string) =>
    (
      await service.sql.query<{ error_code: number }>('SELECT error_code FROM error_events WHERE api_key_id = $1', [
        apiKeyId,
      ])
    ).rows.map((row) => row.error_code);

  it('sync: a userid with NUL characters is stored without them (no 10014, one order)', async () => {
    const key = await service.createKey();
    const res = await http()
      .post('/certificates/queryBase64')
      .set('X-Forwarded-For', nextIp())
      .type('form')
      .send({ key: key.key, cardType: '2', base64: images.tinyJpeg.toString('base64'), userid: 'kyc\u0000-42' });
    expect(res.status).toBe(200);
    // No worker: the order times out (215300) but exists; what matters is that the insert worked.
    expect(res.body.error_code).not.toBe(10014);
    expect(await userids(key.id)).toEqual(['kyc-42']);
    // The only error row is the timed-out order's cancellation (215300, never started), not a failed insert.
    expect(await errorCodes(key.id)).toEqual([215300]);
  });

  it('sync: a userid of NULs only means no userid', async () => {
    const key = await service.createKey();
    await http()
      .post('/certificates/queryBase64')
      .set('X-Forwarded-For', nextIp())
      .type('form')
      .send({ key: key.key, cardType: '2', base64: images.tinyJpeg.toString('base64'), userid: '\u0000\u0000' });
    expect(await userids(key.id)).toEqual([null]);
  });

  it('async: a userid with NUL characters is accepted with 202 and stored without them', async () => {
    const key = await service.createKey();
    const res = await http()
      .post('/v1/recognitions')
      .set('X-Forwarded-For', nextIp())
      .set('X-Api-Key', key.key)
      .send({ cardType: 2, base64: images.tinyJpeg.toString('base64'), userid: '\u0000a\u0000b' });
    expect(res.status).toBe(202);
    expect(await userids(key.id)).toEqual(['ab']);
    expect(await errorCodes(key.id)).toEqual([]);
  });

  it('a cardType the provider cannot read is refused alike by sync and async, before any order', async () => {
    // The provider is local and reads every catalogued cardType: admission refuses one outside it (215303).
    const unsupported = String([...Array(3039).keys()].find((code) => code > 0 && !localCardTypes().includes(code)));
    const key = await service.createKey();
    const sync = await http()
      .post('/certificates/queryBase64')
      .set('X-Forwarded-For', nextIp())
      .type('form')
      .send({ key: key.key, cardType: unsupported, base64: images.tinyJpeg.toString('base64') });
    expect([sync.status, sync.body.error_code]).toEqual([200, 215303]);
    const async = await http()
      .post('/v1/recognitions')
      .set('X-Forwarded-For', nextIp())
      .set('X-Api-Key', key.key)
      .send({ cardType: unsupported, base64: images.tinyJpeg.toString('base64') });
    expect([async.status, async.body]).toEqual([400, sync.body]);
    expect(await userids(key.id)).toEqual([]);
  });

  it('admin: GET /admin/orders?userid=%00 is a 400, not a 500', async () => {
    const res = await adminHttp(service).get('/admin/orders?userid=%00');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('NUL');
    expect((await adminHttp(service).get('/admin/orders?userid=ok')).status).toBe(200);
  });

  it('admin: a key name, deny-list entry or webhook URL with NUL is a 400 on create and on update', async () => {
    const admin = adminHttp(service);
    expect((await admin.post('/admin/keys', { name: 'a\u0000b' })).status).toBe(400);
    expect((await admin.post('/admin/keys', { name: 'ok', ipDenylist: ['10.0.0.1\u0000'] })).status).toBe(400);
    expect((await admin.post('/admin/keys', { name: 'ok', webhookUrl: 'https://h.example.com/\u0000' })).status).toBe(
      400,
    );
    const key = await service.createKey();
    expect((await admin.patch(`/admin/keys/${key.id}`, { name: '\u0000' })).status).toBe(400);
    const unchanged = await admin.get(`/admin/keys/${key.id}`);
    expect(unchanged.body.name).toBe('e2e');
  });
});
