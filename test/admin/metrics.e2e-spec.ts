import request from 'supertest';
import sharp from 'sharp';
import { type RunningService, eventually, nextIp, startService } from '../service/service.harness';

/** One sample's value in a Prometheus text exposition, or undefined when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const inside = line.slice(line.indexOf('{') + 1, line.lastIndexOf('}'));
    if (wanted.every((pair) => inside.split(',').includes(pair))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

/** `/metrics` of the api and of the worker after one real recognition (real OCR on a blank image: 215305). */
describe('metrics (service)', () => {
  let service: RunningService;

  beforeAll(async () => {
    service = await startService({ syncTimeoutMs: 60_000 });
    const { key } = await service.createKey();
    const blank = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#ffffff' } })
      .jpeg()
      .toBuffer();
    const res = await request(service.api.getHttpServer())
      .post('/certificates/queryBase64')
      .set('X-Forwarded-For', nextIp())
      .type('form')
      .send({ key, cardType: '2', base64: blank.toString('base64') });
    expect(res.body).toMatchObject({ error_code: 215305, result: null });
  }, 180_000);

  afterAll(() => service?.close(), 60_000);

  it('api: counts the request by endpoint and error_code, and the finished recognition', async () => {
    const res = await request(service.api.getHttpServer()).get('/metrics');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/plain');
    const endpoint = 'POST /certificates/queryBase64';
    expect(sample(res.text, 'zhengjian_requests_total', { endpoint, error_code: '215305' })).toBe(1);
    const recognition = { card_type: '2', provider: 'local', error_code: '215305' };
    expect(sample(res.text, 'zhengjian_recognitions_total', recognition)).toBe(1);
    expect(sample(res.text, 'zhengjian_queue_jobs', { queue: 'recognition', state: 'waiting' })).toBe(0);
    expect(res.text).toContain('process_cpu_seconds_total');
  });

  it('api: labels admin and unknown routes by pattern, never by concrete path', async () => {
    const http = request(service.api.getHttpServer());
    await http.get('/admin/orders/JH0000000000000000000001');
    await http.get('/no/such/path/42');
    const text = (await http.get('/metrics')).text;
    expect(
      sample(text, 'zhengjian_requests_total', { endpoint: 'GET /admin/orders/:orderid', error_code: 'http_401' }),
    ).toBe(1);
    expect(sample(text, 'zhengjian_requests_total', { endpoint: 'GET unmatched', error_code: 'http_404' })).toBe(1);
    expect(text).not.toContain('JH0000000000000000000001');
  });

  it('worker: exposes the recognition duration by cardType and provider, and the job outcome', async () => {
    const res = await request(service.worker!.getHttpServer()).get('/metrics');
    expect(res.status).toBe(200);
    const labels = { card_type: '2', provider: 'local' };
    expect(sample(res.text, 'zhengjian_recognition_duration_seconds_count', labels)).toBe(1);
    // BullMQ marks the job completed just after the order row is finished (which the sync answer waits for).
    const completed = await eventually(async () => {
      const text = (await request(service.worker!.getHttpServer()).get('/metrics')).text;
      return sample(text, 'zhengjian_jobs_total', { queue: 'recognition', outcome: 'completed' });
    }, 10_000);
    expect(completed).toBe(1);
    expect(res.text).toContain('# TYPE zhengjian_webhook_deliveries_total counter');
  });
});
