import type { DocumentSpec, FieldReading } from '@zhengjian/recognition';
import type { MrzReading } from './mrz-reader';
import { fitLength, mrzAlphabetShare, normalizeMrzText } from './mrz-text';
import type { MrzCheckName, MrzFields, MrzFormat } from './mrz.types';
import type { ZoneRebuild } from './zone-rebuild';

/**
 * A value taken from a read zone: one of its fields as parsed, or computed from the whole reading and the fields
 * read from the print (a zone line without check digit may be arbitrated by them); `''` when the zone lacks it.
 */
export type MrzValue =
  keyof MrzFields | ((zone: MrzReading, printed: Readonly<Record<string, FieldReading>>) => string);

/** A result key filled from the machine-readable zone. */
export interface MrzFieldSource {
  key: string;
  from: MrzValue;
  /**
   * The check digit that protects the value (without one, the whole zone's validity stands for it): when it fails,
   * the value is returned as read, flagged `checksum_failed`, unless the spec read or derived the key from the print.
   */
  check?: MrzCheckName;
}

/**
 * A printed (VIZ) key that repeats a zone field. The two are compared in the key's format (case, accents, spaces
 * and punctuation ignored); a disagreement adds `mrz_mismatch:<key>` to the warnings. When the zone's check digit
 * for the field holds (or the field has none and the zone is valid), the zone's value replaces a printed value that
 * disagrees; a printed value that was not read is filled from the zone (flagged `checksum_failed` when the check
 * fails).
 */
export interface MrzVizField extends MrzFieldSource {
  /** Names: the zone truncates long names (ICAO 9303-3 §4.6), so a printed value that starts with the zone's agrees. */
  prefix?: boolean;
  /** The printed value stays even where the zone disagrees (a field the zone does not protect, or reads worse). */
  preferPrinted?: boolean;
}

/**
 * A travel document: its printed fields as a {@link DocumentSpec} (signature, labels, portrait), the zone formats
 * it carries, and which keys come from the zone. One {@link MrzDocumentRecognizer} reads them all, classified
 * together.
 */
export interface MrzDocument {
  spec: DocumentSpec;
  /** Zone formats the page carries (none: a page without a zone); a zone of another format is not this document's. */
  formats: readonly MrzFormat[];
  /** Document codes the zone may start with (`CS`…); a zone with another code is not this document's. */
  codes?: readonly string[];
  /** Keys filled from the zone only. */
  zone: readonly MrzFieldSource[];
  /** Printed keys cross-checked against the zone. */
  viz?: readonly MrzVizField[];
  /** Rebuilds the zone from the print where its reading is weak (see `nameLineFromPrint`). */
  rebuild?: ZoneRebuild;
  /**
   * The page needs its printed fields (215305 otherwise) even when the zone is read: the zone carries too little of
   * the document (a CS line: number and dates). Without, a page whose print is illegible is read from its zone.
   */
  needsPrint?: boolean;
}

/**
 * A signature token for {@link DocumentSpec.signature}: a line of the page that reads as a machine-readable zone
 * line (at least 28 characters, 85 % of them `A–Z 0–9 <`, a run of fillers) whose start matches `start`
 * (e.g. `/^P/` for a passport's line 1, `/^V/` for a visa's).
 */
export function mrzLineToken(start: RegExp): (pageText: string) => boolean {
  return (pageText) =>
    pageText.split('\n').some((raw) => {
      const line = normalizeMrzText(raw);
      return line.length >= 28 && line.includes('<<') && mrzAlphabetShare(raw) >= 0.85 && start.test(line);
    });
}

/** The page's lines that read as machine-readable zone text (85 % `A–Z 0–9 <`, a filler), normalised. */
function zoneTexts(pageText: string): string[] {
  return pageText
    .split('\n')
    .filter((raw) => mrzAlphabetShare(raw) >= 0.85)
    .map(normalizeMrzText)
    .filter((line) => line.includes('<'));
}

// A reading may miss or add a few characters in filler runs.
const LENGTH_TOLERANCE = 3;

/**
 * A CS-layout line (card-types.md §22): `C` + a letter, the number and its check digit, then expiry and birth date
 * (YYMMDD) each with its check digit at columns 13–19 and 21–27; OCR may misread one of those digits.
 */
function csLayout(line: string): boolean {
  if (Math.abs(line.length - 30) > LENGTH_TOLERANCE || !/^C[A-Z]/.test(line)) return false;
  const fitted = fitLength(line, 30);
  const dates = fitted.slice(13, 20) + fitted.slice(21, 28);
  return (dates.match(/\d/g)?.length ?? 0) >= dates.length - 1;
}

/**
 * A signature token (or veto) for the kind of zone a page carries, told apart by its lines' length and layout:
 * - `two-line`: a line of a 2 × 44 zone (passport and booklet data pages, TD3; visas, MRV-A) with its filler run,
 *   which no ID-1 card carries;
 * - `cs-line`: a 30-character line laid out as the Chinese permit cards' CS line (number, expiry and birth date
 *   with their check digits), which no booklet carries; `codes` restricts its document code (`CS`: the
 *   往来港澳通行证 card; any by default, the residents' cards' backs start their zone with such a line too).
 */
export function zoneShapeToken(
  shape: 'two-line' | 'cs-line',
  codes?: readonly string[],
): (pageText: string) => boolean {
  return (pageText) =>
    zoneTexts(pageText).some((line) =>
      shape === 'two-line'
        ? line.length >= 44 - LENGTH_TOLERANCE && line.includes('<<')
        : csLayout(line) && (!codes || codes.includes(line.slice(0, 2))),
    );
}
