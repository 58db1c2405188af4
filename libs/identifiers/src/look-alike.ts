/**
 * One generic look-alike correction for every identifier with a format and a check (no OCR-specific code per
 * identifier): an OCR reading is tried with the characters it may have confused, and a correction is returned only
 * when exactly one candidate passes the identifier's own validity test.
 */

/** `valid`: the reading passes as is. `corrected`: exactly one candidate passes. `ambiguous`: several pass (or
 * the search was capped before it could prove one unique). `invalid`: none passes. */
export type CorrectionReason = 'valid' | 'corrected' | 'ambiguous' | 'invalid';

export interface Correction {
  /** The corrected value when `reason` is `corrected`, otherwise the reading as given. */
  value: string;
  reason: CorrectionReason;
  /** 0-based positions changed (empty unless `corrected`). */
  positions: number[];
}

/**
 * Read character → the characters it may stand for. Directional: use {@link lookAlikePairs} for the usual
 * symmetric confusions and add one-way entries (`×` → `X`) by spreading.
 */
export type LookAlikes = Readonly<Record<string, string>>;

export interface LookAlikeSpec {
  /** Characters allowed at every position, or per position (`index` 0-based, `length` of the reading). */
  alphabet: string | ((index: number, length: number) => string);
  lookAlikes: LookAlikes;
  isValid: (candidate: string) => boolean;
  /**
   * At most this many positions whose character is already allowed there may be changed (speculative changes).
   * A character the position does not allow is always replaced by its look-alikes and does not count. Default 1.
   */
  maxSubstitutions?: number;
  /** Candidates tested at most; past it the search stops and cannot prove a unique one. Default 4096. */
  maxCandidates?: number;
}

/** Symmetric look-alikes from pairs (`['O0', 'B8']` → O↔0, B↔8); a pair's characters may be multi-code-unit. */
export function lookAlikePairs(pairs: readonly (readonly [string, string] | string)[]): LookAlikes {
  const map: Record<string, string> = {};
  const add = (from: string, to: string): void => {
    if (!(map[from] ?? '').includes(to)) map[from] = (map[from] ?? '') + to;
  };
  for (const pair of pairs) {
    const [a, b] = typeof pair === 'string' ? [...pair] : pair;
    add(a, b);
    add(b, a);
  }
  return map;
}

/** Merges look-alike maps (the union of the characters each read character may stand for). */
export function mergeLookAlikes(...maps: LookAlikes[]): LookAlikes {
  const merged: Record<string, string> = {};
  for (const map of maps) {
    for (const [from, to] of Object.entries(map)) {
      for (const ch of to) if (!(merged[from] ?? '').includes(ch)) merged[from] = (merged[from] ?? '') + ch;
    }
  }
  return merged;
}

/** The confusions OCR makes between Latin capitals and digits, plus a few glyphs read in their place. */
export const COMMON_LOOK_ALIKES: LookAlikes = mergeLookAlikes(
  lookAlikePairs(['O0', 'D0', 'Q0', 'I1', 'B8', 'S5', 'Z2', 'G6']),
  { '×': 'X', 〇: '0', '|': '1' },
);

interface Slot {
  index: number;
  options: string[];
}

/**
 * Corrects an OCR `reading` (already normalised by the caller: case, spaces, brackets) against `spec`.
 *
 * Characters outside a position's alphabet are replaced by their look-alikes allowed there (none → `invalid`); then
 * every combination of at most `maxSubstitutions` further look-alike changes is tried. All candidates within that
 * bound are tested; exactly one passing → `corrected`. The number of candidates is capped (`maxCandidates`), so the
 * cost never grows exponentially with the reading's length.
 */
export function correctLookAlikes(reading: string, spec: LookAlikeSpec): Correction {
  const asRead: Correction = { value: reading, reason: 'invalid', positions: [] };
  const chars = [...reading];
  const forced: Slot[] = [];
  const optional: Slot[] = [];
  for (let i = 0; i < chars.length; i++) {
    const allowed = typeof spec.alphabet === 'string' ? spec.alphabet : spec.alphabet(i, chars.length);
    const options = [...(spec.lookAlikes[chars[i]] ?? '')].filter((c) => c !== chars[i] && allowed.includes(c));
    if (!allowed.includes(chars[i])) {
      if (options.length === 0) return asRead;
      forced.push({ index: i, options });
    } else if (options.length > 0) {
      optional.push({ index: i, options });
    }
  }

  // A reading with a character its position does not allow is not valid, whatever `isValid` says of it.
  if (forced.length === 0 && spec.isValid(reading)) return { ...asRead, reason: 'valid' };

  const maxSubstitutions = spec.maxSubstitutions ?? 1;
  const maxCandidates = spec.maxCandidates ?? 4096;
  const found = new Map<string, number[]>();
  let tested = 0;
  let capped = false;

  const visit = (slots: Slot[], at: number, current: string[]): void => {
    if (capped) return;
    if (at === slots.length) {
      if (++tested > maxCandidates) {
        capped = true;
        return;
      }
      const candidate = current.join('');
      if (spec.isValid(candidate))
        found.set(
          candidate,
          slots.map((s) => s.index).sort((a, b) => a - b),
        );
      return;
    }
    const slot = slots[at];
    for (const option of slot.options) {
      const previous = current[slot.index];
      current[slot.index] = option;
      visit(slots, at + 1, current);
      current[slot.index] = previous;
      if (capped) return;
    }
  };
  const choose = (from: number, chosen: Slot[], size: number): void => {
    if (capped) return;
    if (chosen.length === size) return visit([...forced, ...chosen], 0, [...chars]);
    for (let j = from; j < optional.length && !capped; j++) choose(j + 1, [...chosen, optional[j]], size);
  };
  for (let size = 0; size <= Math.min(maxSubstitutions, optional.length) && !capped; size++) choose(0, [], size);

  if (found.size > 1 || (found.size === 1 && capped)) return { ...asRead, reason: 'ambiguous' };
  if (found.size === 0) return asRead;
  const [[value, positions]] = found;
  return { value, reason: 'corrected', positions };
}
