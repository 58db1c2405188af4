import type { ValueParser } from './value-parser';

/** Levenshtein distance in code points. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length];
}

/** The edits allowed between a reading and an entry: a number, or one per entry (from its length, say). */
export type MaxDistance = number | ((entry: string) => number);

/**
 * The entry of `list` closest to `reading` (edit distance), when it is unique and within `maxDistance` (default:
 * a third of the entry's length, rounded down). Entries printed inside a longer reading count as exact. Returns
 * the entry and the distance, or `undefined`.
 */
export function closestMatch(
  reading: string,
  list: readonly string[],
  maxDistance?: MaxDistance,
): { value: string; distance: number } | undefined {
  const contained = list.filter((entry) => reading.includes(entry)).sort((a, b) => b.length - a.length);
  if (contained.length) return { value: contained[0], distance: 0 };
  let best: { value: string; distance: number } | undefined;
  let tie = false;
  for (const entry of list) {
    const distance = editDistance(reading, entry);
    const allowed = typeof maxDistance === 'function' ? maxDistance(entry) : maxDistance;
    if (distance > (allowed ?? Math.floor([...entry].length / 3))) continue;
    if (!best || distance < best.distance) {
      best = { value: entry, distance };
      tie = false;
    } else if (distance === best.distance) tie = true;
  }
  return best && !tie ? best : undefined;
}

/**
 * One entry of a closed list (`使用性质`, `车辆类型`, 民族…): the closest entry (see {@link closestMatch}); a reading
 * that needed correcting lowers the confidence. `keep` removes noise first (default: everything but Han characters).
 */
export function oneOf(
  list: readonly string[],
  options: { maxDistance?: MaxDistance; keep?: RegExp } = {},
): ValueParser {
  const keep = options.keep ?? /[^\u3400-\u9fff]/gu;
  return (raw) => {
    const reading = raw.replace(keep, '');
    if (!reading) return undefined;
    const match = closestMatch(reading, list, options.maxDistance);
    return match ? { value: match.value, factor: match.distance ? 0.9 : 1 } : undefined;
  };
}
