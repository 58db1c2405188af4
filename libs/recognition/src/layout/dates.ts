import { isRealDate } from './calendar';

/**
 * Reads a date printed as year, month and day in any of the usual Chinese forms — `1990年3月7日`,
 * `1990 年 3 月 7 日`, `1990.03.07`, `1990-03-07`, `19900307` — and returns `YYYY-MM-DD`, or `undefined`
 * when no real calendar date (29 February only in leap years) can be read.
 */
export function parseDate(text: string): string | undefined {
  const digitsOnly = text.replace(/\D/g, '');
  const grouped = /(\d{4})\D{1,3}(\d{1,2})\D{1,3}(\d{1,2})/.exec(text);
  const candidates: [string, string, string][] = [];
  if (grouped) candidates.push([grouped[1], grouped[2], grouped[3]]);
  if (digitsOnly.length === 8)
    candidates.push([digitsOnly.slice(0, 4), digitsOnly.slice(4, 6), digitsOnly.slice(6, 8)]);
  for (const [y, m, d] of candidates) {
    if (isRealDate(Number(y), Number(m), Number(d))) return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  }
  return undefined;
}
