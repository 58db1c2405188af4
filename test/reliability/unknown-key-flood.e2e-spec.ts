import request from 'supertest';
import { type RunningService, startService } from '../service/service.harness';

const LIMIT = 50;
const FLOOD = 200;

/**
 * A flood of made-up keys from one IP: the IP rate limit applies before the key is looked up, and the refusals are
 * counted in one `error_events` row per code, IP and minute instead of a row each.
 */
describe('unknown-key flood (service)', () => {
  let service: RunningService;

  beforeAll(async () => {
    service = await startService({ ipRateLimitPerMinute: LIMIT }, { withWorker: false });
  }, 120_000);

  afterAll(() => service?.close(), 60_000);

  it(`answers 10001 up to the IP's limit, then 10011, and writes O(1) rows for ${FLOOD} requests`, async () => {
    // The rate window and the counted rows are per UTC minute: start early in one so the flood stays inside it.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 40_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
    const codes: number[] = [];
    for (let i = 0; i < FLOOD; i++) {
      const res = await request(service.api.getHttpServer())
        .post('/certificates/queryBase64')
        .set('X-Forwarded-For', '10.250.0.1')
        .type('form')
        .send({ key: `made-up-key-${i}`, cardType: '2', base64: 'AAAA' });
      codes.push(res.body.error_code as number);
    }
    expect(codes).toEqual([...Array<number>(LIMIT).fill(10001), ...Array<number>(FLOOD - LIMIT).fill(10011)]);
    const { rows } = await service.sql.query<{ error_code: number; count: number; ip: string; api_key_id: null }>(
      'SELECT error_code, count, ip, api_key_id FROM error_events ORDER BY error_code',
    );
    expect(rows).toEqual([
      { error_code: 10001, count: LIMIT, ip: '10.250.0.1', api_key_id: null },
      { error_code: 10011, count: FLOOD - LIMIT, ip: '10.250.0.1', api_key_id: null },
    ]);
  }, 180_000);
});
