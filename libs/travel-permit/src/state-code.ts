import { ICAO_STATE_CODES } from './icao-state-codes';
import { MRZ_LAYOUTS } from './mrz-layout';
import type { MrzResult } from './mrz.types';

// Letters an OCR reading of the OCR-B zone confuses (after digits read in a code became letters: 0 → O, 1 → I, 2 → Z,
// 5 → S, 6 → G, 8 → B): round glyphs that differ by a stroke or a gap, and letters that differ by one bar.
const LOOK_ALIKES: Readonly<Record<string, string>> = ((pairs: readonly string[]) => {
  const map: Record<string, string> = {};
  for (const [a, b] of pairs) {
    map[a] = (map[a] ?? '') + b;
    map[b] = (map[b] ?? '') + a;
  }
  return map;
})(['OC', 'OD', 'OQ', 'OU', 'CG', 'IL', 'IT', 'EF', 'PR', 'UV', 'KX']);

/**
 * A state code of a zone (3 characters, letters and fillers: `CHN`, `D<<`) checked against ICAO 9303-3 §5
 * ({@link ICAO_STATE_CODES}): a listed code is returned as it is; a reading no code matches is replaced by the code one
 * look-alike letter away (O↔C, O↔D, I↔L…) when exactly one is, and returned as read otherwise (several or no
 * candidates: a guess would be arbitrary). `corrected` tells whether it was replaced.
 */
export function correctStateCode(read: string): { value: string; corrected: boolean } {
  if (ICAO_STATE_CODES.has(read) || !/^[A-Z<]{3}$/.test(read)) return { value: read, corrected: false };
  const candidates = new Set<string>();
  [...read].forEach((c, i) => {
    for (const other of LOOK_ALIKES[c] ?? '') {
      const candidate = read.slice(0, i) + other + read.slice(i + 1);
      if (ICAO_STATE_CODES.has(candidate)) candidates.add(candidate);
    }
  });
  return candidates.size === 1 ? { value: [...candidates][0], corrected: true } : { value: read, corrected: false };
}

/**
 * A zone whose state codes, after correction, hold one of letters and fillers that is no code of ICAO 9303-3 §5: its
 * line was likely read with a glyph lost or added before the code (codes of digits only, which some national
 * specimens print, are left out).
 */
export function unlistedStateCode(zone: Pick<MrzResult, 'format' | 'lines'>): boolean {
  return MRZ_LAYOUTS[zone.format].segments.some((s) => {
    if (s.kind !== 'state') return false;
    const code = zone.lines[s.line].slice(s.start, s.end);
    return /[A-Z]/.test(code) && !ICAO_STATE_CODES.has(code);
  });
}
