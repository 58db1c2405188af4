import {
  COMMON_LOOK_ALIKES,
  PLATE_PROVINCES,
  type PlateParse,
  correctLookAlikes,
  lookAlikePairs,
  mergeLookAlikes,
  normalizeIdentifier,
  plate,
} from '@zhengjian/identifiers';

/** A plate number read from one OCR line and checked against GA 36-2018. */
export interface PlateReading {
  /** The plate number, no separator (`京A12345`, `粤BD12345`). */
  plate: string;
  parse: PlateParse;
  /** Characters changed by the look-alike correction. */
  corrected: number;
}

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const ALNUM = `${LETTERS}0123456789`;
const USAGE = '学警挂港澳领试超使';
// GA 36 never uses I and O, so the OCR's I, O, Q on a plate are 1 and 0; 4/A and 7/T confuse at plate stroke widths.
const PLATE_LOOK_ALIKES = mergeLookAlikes(COMMON_LOOK_ALIKES, lookAlikePairs(['4A', '7T']));

const alphabet = (index: number, length: number): string => {
  if (index === 0) return PLATE_PROVINCES;
  if (index === 1) return LETTERS;
  return index === length - 1 ? ALNUM + USAGE : ALNUM;
};

/**
 * Reads a plate number from an OCR line: drops the separator dot and anything outside the plate's alphabet (rivets
 * read as `:` or `|`), starts at the province abbreviation, and checks 7 or 8 characters against the GA 36 formats
 * with look-alike correction by position (a letter in the second place, `0` not `O` after it). `undefined` when no
 * reading passes.
 */
export function readPlate(text: string): PlateReading | undefined {
  const chars = [...normalizeIdentifier(text).replace(/[^A-Z0-9\u4e00-\u9fff]/g, '')];
  const starts = chars.flatMap((c, i) => (PLATE_PROVINCES.includes(c) ? [i] : []));
  const found: PlateReading[] = [];
  for (const start of starts) {
    for (const length of [8, 7]) {
      if (start + length > chars.length) continue;
      const reading = chars.slice(start, start + length).join('');
      const result = correctLookAlikes(reading, {
        alphabet,
        lookAlikes: PLATE_LOOK_ALIKES,
        isValid: plate.isValid,
        // No check character: any speculative change of an allowed character yields another valid plate, so only
        // characters the position forbids are replaced.
        maxSubstitutions: 0,
      });
      if (result.reason === 'valid' || result.reason === 'corrected') {
        found.push({ plate: result.value, parse: plate.parse(result.value), corrected: result.positions.length });
      }
    }
  }
  // The longest reading that uses every character wins; an 8-character plate read whole beats its first 7.
  found.sort((a, b) => b.plate.length - a.plate.length || a.corrected - b.corrected);
  const whole = found.find((f) => f.plate.length === chars.length - (starts[0] ?? 0));
  return whole ?? found[0];
}
