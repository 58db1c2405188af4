import { isRealDate } from '@zhengjian/recognition';

/**
 * Reads `2015.03.07-2025.03.07` or `2015.03.07-长期` as printed, tolerating lost dots and dash variants.
 * Dates are returned as `YYYY-MM-DD`; `undefined` unless the start (and a dated end) are real dates. `strict` asks
 * for `长期` in full after a single date (evidence of a back), where reading allows a half-legible `长` or `期`.
 */
export function parseValidity(text: string, strict = false): { start: string; end: string } | undefined {
  const dates = [...text.matchAll(/(\d{4})\D?(\d{2})\D?(\d{2})/g)]
    .filter((m) => isRealDate(Number(m[1]), Number(m[2]), Number(m[3])))
    .map((m) => `${m[1]}-${m[2]}-${m[3]}`);
  if (dates.length >= 2) return { start: dates[0], end: dates[1] };
  if (dates.length === 1 && (strict ? /长期/ : /长|期/).test(text)) return { start: dates[0], end: '长期' };
  return undefined;
}
