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

/**
 * Line 1 of a TD3 or MRV-A zone (document code, issuing state, `SURNAME<<GIVEN<NAMES`) has no check digit, and long
 * filler runs make it the line OCR reads worst (or misses). When the printed names (`surname`, `given` keys) are
 * read surely, the line is rebuilt from them: the document code as read (else the printed `type` and a filler), the
 * issuing state as printed (`state` key) or as read, the names as the zone writes them, fillers to the line's length. It replaces the reading when the two
 * are close (a third of the characters at most differ, or the reading starts with the rebuilt names and goes on with
 * something else than fillers) or the reading holds no name at all; a reading that names
 * someone else is kept (the print and the zone then disagree, and the cross-check says so).
 */
export function nameLineFromPrint(keys: {
  surname: string;
  given: string;
  state?: string;
  type?: string;
}): ZoneRebuild {
  return (zone, printed, referenceDate) => {
    const [surname, given, state] = [printed[keys.surname], printed[keys.given], keys.state && printed[keys.state]];
    if (!surname || !given || Math.min(surname.confidence, given.confidence) < MIN_PRINTED_CONFIDENCE) return undefined;
    const read = zone.lines[0];
    if (!read || (zone.format !== 'TD3' && zone.format !== 'MRV-A')) return undefined;
    const type = keys.type ? printed[keys.type]?.value : undefined;
    const code = /^[A-Z][A-Z<]/.test(read) ? read.slice(0, 2) : type ? `${type}<`.slice(0, 2) : undefined;
    if (!code) return undefined;
    const issuer = state && /^[A-Z]{3}$/.test(state.value) ? state.value : read.slice(2, 5);
    const body = `${code}${issuer}${mrzName(surname.value)}<<${mrzName(given.value)}`;
    const built = body.length >= read.length ? body.slice(0, read.length) : body.padEnd(read.length, '<');
    if (built === read) return undefined;
    const core = (l: string): string => {
      let end = l.length;
      while (end > 0 && l[end - 1] === '<') end -= 1;
      return l.slice(0, end);
    };
    // Text beside the zone read into a filler run (a tilted page) leaves the names intact at the line's start.
    const close =
      read.startsWith(core(built)) ||
      editDistance(core(read), core(built)) <= Math.max(3, Math.ceil(core(built).length / 3));
    const unread = (read.slice(5).match(/[A-Z]/g) ?? []).length < UNREAD_LETTERS;
    if (!close && !unread) return undefined;
    return { ...parseMrz([built, ...zone.lines.slice(1)], { referenceDate }), boxes: zone.boxes };
  };
}
