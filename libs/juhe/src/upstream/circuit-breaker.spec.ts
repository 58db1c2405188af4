import { Logger } from '@nestjs/common';
import { CircuitBreaker } from './circuit-breaker';
import { CircuitOpenError, UpstreamUnavailableError } from './upstream.errors';

const outage = () => Promise.reject(new UpstreamUnavailableError({ kind: 'connection', attempts: 3 }));
const answer = () => Promise.resolve('envelope');

describe(CircuitBreaker.name, () => {
  let now: number;
  let breaker: CircuitBreaker;

  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(true));

  beforeEach(() => {
    now = 1_000_000;
    breaker = new CircuitBreaker({ failureThreshold: 3, coolDownMs: 30_000, now: () => now });
  });

  async function fail(times: number): Promise<void> {
    for (let i = 0; i < times; i++) await expect(breaker.execute(outage)).rejects.toThrow(UpstreamUnavailableError);
  }

  it('stays closed below the threshold and a success resets the count', async () => {
    await fail(2);
    await expect(breaker.execute(answer)).resolves.toBe('envelope');
    await fail(2);
    expect(breaker.state).toBe('closed');
  });

  it('opens after N consecutive outages and then fails fast without calling', async () => {
    await fail(3);
    expect(breaker.state).toBe('open');
    const call = jest.fn(answer);
    const refused = breaker.execute(call);
    await expect(refused).rejects.toBeInstanceOf(CircuitOpenError);
    await expect(refused).rejects.toBeInstanceOf(UpstreamUnavailableError);
    await expect(refused).rejects.toMatchObject({ kind: 'circuit_open', attempts: 0, retryAt: 1_030_000 });
    expect(call).not.toHaveBeenCalled();
  });

  it('half-opens after the cool-down and closes when the trial call succeeds', async () => {
    await fail(3);
    now += 29_999;
    expect(breaker.state).toBe('open');
    now += 1;
    expect(breaker.state).toBe('half-open');
    await expect(breaker.execute(answer)).resolves.toBe('envelope');
    expect(breaker.state).toBe('closed');
  });

  it('lets exactly one trial call through while half-open', async () => {
    await fail(3);
    now += 30_000;
    let release: (value: string) => void = () => undefined;
    const trial = breaker.execute(() => new Promise<string>((resolve) => (release = resolve)));
    await expect(breaker.execute(answer)).rejects.toBeInstanceOf(CircuitOpenError);
    release('trial');
    await expect(trial).resolves.toBe('trial');
    expect(breaker.state).toBe('closed');
  });

  it('reopens for a full cool-down when the trial call fails', async () => {
    await fail(3);
    now += 30_000;
    await fail(1);
    expect(breaker.state).toBe('open');
    now += 29_999;
    await expect(breaker.execute(answer)).rejects.toBeInstanceOf(CircuitOpenError);
    now += 1;
    await expect(breaker.execute(answer)).resolves.toBe('envelope');
  });

  it('does not count errors other than unavailability (the upstream answered)', async () => {
    for (let i = 0; i < 5; i++) {
      await expect(breaker.execute(() => Promise.reject(new TypeError('bug')))).rejects.toThrow(TypeError);
    }
    expect(breaker.state).toBe('closed');
  });
});
