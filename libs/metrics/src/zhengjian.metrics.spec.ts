import { ZhengjianMetrics } from './zhengjian.metrics';

describe(ZhengjianMetrics.name, () => {
  it('gives each app its own registry, so two apps in one process do not collide', async () => {
    const api = new ZhengjianMetrics('api');
    const worker = new ZhengjianMetrics('worker');
    api.requests.inc({ endpoint: 'POST /certificates/query', error_code: '0' });
    worker.recognitionDuration.observe({ card_type: 2, provider: 'local' }, 1.2);
    const apiText = await api.render();
    const workerText = await worker.render();
    expect(apiText).toContain(
      'zhengjian_requests_total{endpoint="POST /certificates/query",error_code="0",app="api"} 1',
    );
    expect(workerText).not.toContain('zhengjian_requests_total{');
    const bucket = workerText
      .split('\n')
      .find((line) => line.startsWith('zhengjian_recognition_duration_seconds_bucket{le="2"'));
    expect(bucket).toMatch(/card_type="2".*provider="local".* 1$/);
    expect(apiText).toContain('process_cpu_seconds_total');
  });
});
