import { clock, progressLine } from './progress';

describe(progressLine.name, () => {
  it('extrapolates the time left from the mean time per item so far', () => {
    expect(progressLine('recognizing', 120, 2720, 0, 185_000)).toBe(
      'recognizing 120/2720, 3:05 elapsed, about 1:06:48 left',
    );
  });

  it('gives no time left before the first item is done', () => {
    expect(progressLine('generating', 0, 10, 0, 1_000)).toBe('generating 0/10, 0:01 elapsed');
  });
});

describe(clock.name, () => {
  it('writes m:ss under an hour and h:mm:ss from an hour', () => {
    expect([clock(59_400), clock(600_000), clock(3_600_000)]).toEqual(['0:59', '10:00', '1:00:00']);
  });
});
