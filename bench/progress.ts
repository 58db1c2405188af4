/**
 * One progress line for stderr, e.g. `recognizing 120/2720, 3:05 elapsed, about 1:07:10 left`: the time left is
 * extrapolated from the mean time per item so far. `startedMs` and `nowMs` are `performance.now()` readings.
 */
export function progressLine(label: string, done: number, total: number, startedMs: number, nowMs = performance.now()) {
  const elapsed = nowMs - startedMs;
  const left = done ? (elapsed / done) * (total - done) : NaN;
  return `${label} ${done}/${total}, ${clock(elapsed)} elapsed${Number.isFinite(left) ? `, about ${clock(left)} left` : ''}`;
}

/** A duration in ms as `m:ss`, or `h:mm:ss` from an hour. */
export function clock(ms: number): string {
  const s = Math.round(ms / 1000);
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60];
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return `${h ? `${h}:` : ''}${mm}:${String(sec).padStart(2, '0')}`;
}

/** Writes `line` over the previous progress line on stderr (padded, so a shorter line leaves no tail). */
export function writeProgress(line: string): void {
  process.stderr.write(`\r${line.padEnd(72)}`);
}
