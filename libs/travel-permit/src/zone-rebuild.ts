import { type FieldReading, editDistance } from '@zhengjian/recognition';
import { parseMrz } from './mrz-parser';
import type { MrzReading } from './mrz-reader';

/** Rebuilds a zone from the print where the zone's reading is weakest; `undefined` keeps the zone as read. */
export type ZoneRebuild = (
  zone: MrzReading,
  printed: Readonly<Record<string, FieldReading>>,
  referenceDate: Date,
) => MrzReading | undefined;

/** A name as a zone writes it (ICAO 9303-3 §4.6): accents dropped, spaces, hyphens and apostrophes as fillers. */
export function mrzName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[\s\-']+/g, '<')
    .replace(/[^A-Z<]/g, '');
}

// Printed names read at least this sure may stand in for the zone's line 1.
const MIN_PRINTED_CONFIDENCE = 0.9;
// A line-1 reading with fewer letters than this after the state code says nothing about the names.
const UNREAD_LETTERS = 4;

/** Where {@link nameLineFromPrint} finds the printed names and what else it needs. */
export interface PrintedNameKeys {
  /** Keys of the printed surname and given names, each read on its own. */
  surname?: string;
  given?: string;
  /** Key of the printed full name in Latin letters without the separator between surname and given names (`WANGZIYU`,
   * OCR drops the spaces): the split is the one whose line is closest to the zone's reading. */
  fullName?: string;
  /** Key of the printed issuing state code (`CHN`). */
  state?: string;
  /** Key of the printed document type (`P`), the code's first letter when the reading has none. */
  type?: string;
  /** The document code when the document has only one (`CS`, `CD`). */
  code?: string;
  /** The issuing state when the document has only one (`CHN`). */
  issuer?: string;
}

const core = (l: string): string => {
  let end = l.length;
  while (end > 0 && l[end - 1] === '<') end -= 1;
  return l.slice(0, end);
};

/**
 * Line 1 of a TD3 or MRV-A zone (document code, issuing state, `SURNAME<<GIVEN<NAMES`) has no check digit, and long
 * filler runs make it the line OCR reads worst (or misses). When the printed names are read surely, the line is
 * rebuilt from them: the document code as given, or as read (else the printed type and a filler), the issuing state
 * as printed or as read, the names as the zone writes them, fillers to the line's length. It replaces the reading when
 * the two are close (a third of the characters at most differ, in the whole line or in the names with a few stray
 * glyphs in the filler run after them, or the reading starts with the rebuilt names and goes on with something else
 * than fillers) or the reading holds no name at all; a reading that names someone else is kept
 * (the print and the zone then disagree, and the cross-check says so).
 */
export function nameLineFromPrint(keys: PrintedNameKeys): ZoneRebuild {
  return (zone, printed, referenceDate) => {
    const read = zone.lines[0];
    if (!read || (zone.format !== 'TD3' && zone.format !== 'MRV-A')) return undefined;
    const sure = (key?: string): string | undefined => {
      const f = key ? printed[key] : undefined;
      return f && f.confidence >= MIN_PRINTED_CONFIDENCE ? f.value : undefined;
    };
    const type = keys.type ? printed[keys.type]?.value : undefined;
    const code =
      keys.code ?? (/^[A-Z][A-Z<]/.test(read) ? read.slice(0, 2) : type ? `${type}<`.slice(0, 2) : undefined);
    if (!code) return undefined;
    const state = keys.state ? printed[keys.state]?.value : undefined;
    const issuer = keys.issuer ?? (state && /^[A-Z]{3}$/.test(state) ? state : read.slice(2, 5));
    const names = nameSplits(sure(keys.surname), sure(keys.given), sure(keys.fullName));
    const lineOf = ([surname, given]: [string, string]): string => {
      const body = `${code}${issuer}${mrzName(surname)}<<${mrzName(given)}`;
      return body.length >= read.length ? body.slice(0, read.length) : body.padEnd(read.length, '<');
    };
    const distance = (l: string): number => editDistance(core(read), core(l));
    const built = pickSplit(names, read, lineOf, distance);
    if (!built || built === read) return undefined;
    // Text beside the zone read into a filler run (a tilted page) leaves the names at the line's start: the reading
    // is close when its head is, and its tail holds fewer glyphs than a name.
    const head = core(built);
    const tolerance = Math.max(3, Math.ceil(head.length / 3));
    const strayTail = (read.slice(head.length).match(/[A-Z0-9]/g) ?? []).length < UNREAD_LETTERS;
    const close =
      read.startsWith(head) ||
      distance(built) <= tolerance ||
      (strayTail && editDistance(read.slice(0, head.length), head) <= tolerance);
    const unread = (read.slice(5).match(/[A-Z]/g) ?? []).length < UNREAD_LETTERS;
    // Without a reading the split of a full name is a guess.
    if (!close && !(unread && names.length === 1)) return undefined;
    return { ...parseMrz([built, ...zone.lines.slice(1)], { referenceDate }), boxes: zone.boxes };
  };
}

/**
 * The line of the name split the reading supports: the one whose surname the reading has after the code and state,
 * else the one whose given names it has after `<<`, else the one closest to it; `undefined` when that is not unique.
 */
function pickSplit(
  names: readonly [string, string][],
  read: string,
  lineOf: (name: [string, string]) => string,
  distance: (line: string) => number,
): string | undefined {
  if (names.length <= 1) return names[0] && lineOf(names[0]);
  const cut = read.indexOf('<<');
  if (cut < 0) return undefined;
  // The surname counts only when the code and state before it were read at their length.
  const readSurname = cut > 5 ? read.slice(5, cut) : undefined;
  const readGiven = read.slice(cut + 2).split('<<')[0];
  for (const match of [
    names.filter(([s]) => mrzName(s) === readSurname),
    names.filter(([, g]) => mrzName(g) === readGiven),
  ])
    if (match.length === 1) return lineOf(match[0]);
  const ranked = names.map(lineOf).sort((a, b) => distance(a) - distance(b));
  return distance(ranked[1]) === distance(ranked[0]) ? undefined : ranked[0];
}

/** The (surname, given names) pairs to try: the printed pair, or every split of the full name in two. */
function nameSplits(surname?: string, given?: string, fullName?: string): [string, string][] {
  if (surname && given) return [[surname, given]];
  const letters = fullName?.replace(/[^A-Za-z-]/g, '') ?? '';
  return Array.from({ length: Math.max(0, letters.length - 1) }, (_, i) => [
    letters.slice(0, i + 1),
    letters.slice(i + 1),
  ]);
}
