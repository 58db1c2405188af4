import { correctMrz, type MrzCorrection, mrzChecks, td1DocumentNumber } from './mrz-correct';
import { mrzBirthDate, mrzExpiryDate } from './mrz-dates';
import { MRZ_LAYOUTS } from './mrz-layout';
import { mrzPackage } from './mrz-package';
import { parseChinaPermitFields } from './china-permit-mrz';
import type { MrzFields, MrzFormat, MrzResult } from './mrz.types';

/** Options of {@link parseMrz}. */
export interface ParseMrzOptions {
  /** Date birth dates may not be after (century choice). Default: now. */
  referenceDate?: Date;
  /** Apply field-type and check-digit correction of OCR look-alikes first. Default true. */
  correct?: boolean;
}

/**
 * The format of a zone from its line count, line length and document code, or `undefined`: 2 × 44 is TD3 (MRV-A
 * when the code starts with `V`), 2 × 36 TD2 (MRV-B for `V`), 3 × 30 TD1 (China 3×30 when line 1 is laid out as
 * the CS line: `C` + letter, fillers at columns 12, 20, 28, one of them possibly misread), 1 × 30 the CS line.
 */
export function detectMrzFormat(lines: readonly string[]): MrzFormat | undefined {
  const [first] = lines;
  const length = first?.length;
  if (lines.some((l) => l.length !== length)) return undefined;
  const visa = first?.startsWith('V') ?? false;
  if (lines.length === 2 && length === 44) return visa ? 'MRV-A' : 'TD3';
  if (lines.length === 2 && length === 36) return visa ? 'MRV-B' : 'TD2';
  // Two of the three filler columns suffice: OCR may read one filler as a letter.
  // The CS line's expiry date fills columns 13–18; a TD1 line 1 with empty optional data (`CDCHN…<<<`) has fillers
  // there and would otherwise pass for the CS layout.
  const csLayout =
    /^C[A-Z5]/.test(first ?? '') &&
    [12, 20, 28].filter((i) => first[i] === '<').length >= 2 &&
    [...first.slice(13, 19)].filter((c) => c === '<').length <= 1;
  if (lines.length === 3 && length === 30) return csLayout ? 'CN-3x30' : 'TD1';
  if (lines.length === 1 && length === 30 && csLayout) return 'CN-CS';
  return undefined;
}

const text = (raw: string): string => raw.replace(/</g, ' ').replace(/\s+/g, ' ').trim();

/**
 * Parses machine-readable zone lines (already normalised to `A–Z 0–9 <` and of the format's length) after
 * correcting OCR look-alikes. TD1/TD2/TD3 and visas (MRV-A/B) are sliced by the `mrz` package (ICAO 9303 Parts
 * 4–7); visas and non-`P`/`I`/`A`/`C` document codes (which the package refuses) are parsed under a stand-in code,
 * the real one is reported. Check digits are evaluated here: a field and its check digit all `<` are valid and
 * empty; a state code that is no code of ICAO 9303-3 §5 (the list has the specimens' `UTO`) is replaced by the one
 * code a look-alike away, if one is (`correctedCodes`). Throws `Error` for an unknown shape.
 */
export function parseMrz(lines: readonly string[], options: ParseMrzOptions = {}): MrzResult {
  const format = detectMrzFormat(lines);
  if (!format) throw new Error(`not a machine-readable zone: ${lines.length} lines of ${lines.map((l) => l.length)}`);
  const reference = options.referenceDate ?? new Date();
  const corrected: MrzCorrection =
    options.correct === false ? { lines: [...lines], checks: mrzChecks(format, lines) } : correctMrz(format, lines);
  const { lines: used, checks, correctedCodes } = corrected;
  const fields =
    format === 'CN-CS' || format === 'CN-3x30'
      ? parseChinaPermitFields(used, reference)
      : icaoFields(format, used, reference);
  const valid = checks.every((c) => c.valid);
  return { format, lines: used, fields, checks, valid, ...(correctedCodes ? { correctedCodes } : {}) };
}

/** End column (exclusive) of line 2's optional data / personal number (ICAO 9303 Parts 4, 6, 7). */
const OPTIONAL_END: Partial<Record<MrzFormat, number>> = { TD3: 42, TD2: 35, 'MRV-A': 44, 'MRV-B': 36 };

/** Fields of an ICAO zone by the `mrz` package, raw slices where the package nulls a value it does not accept. */
function icaoFields(format: MrzFormat, lines: readonly string[], reference: Date): MrzFields {
  const code = lines[0].slice(0, 2);
  // The package accepts `P…` on 2 × 44 and `A`/`C`/`I` (not followed by `V`) on TD1/TD2.
  const accepted = MRZ_LAYOUTS[format].length === 44 ? /^P/.test(code) : /^[ACI][^V]/.test(code);
  const input = accepted
    ? [...lines]
    : [(MRZ_LAYOUTS[format].length === 44 ? 'P<' : 'I<') + lines[0].slice(2), ...lines.slice(1)];
  const parsed = mrzPackage.parse(input);
  const raw: Partial<Record<string, string>> = {};
  for (const d of parsed.details) if (d.field) raw[d.field] = lines[d.line].slice(d.start, d.end);
  const l2 = lines[1];
  const documentNumber = format === 'TD1' ? td1DocumentNumber(lines[0]).number : (raw.documentNumber ?? l2.slice(0, 9));
  const optionalData = format === 'TD1' ? td1OptionalData(lines[0]) : l2.slice(28, OPTIONAL_END[format]);
  return {
    documentCode: text(code),
    issuingState: text(lines[0].slice(2, 5)),
    surname: parsed.fields.lastName ?? text(raw.lastName ?? ''),
    givenNames: parsed.fields.firstName ?? text(raw.firstName ?? ''),
    documentNumber: text(documentNumber),
    nationality: text(raw.nationality ?? ''),
    birthDate: mrzBirthDate(raw.birthDate ?? '', reference),
    sex: text(raw.sex ?? ''),
    expiryDate: mrzExpiryDate(raw.expirationDate ?? ''),
    optionalData: text(optionalData),
    optionalData2: format === 'TD1' ? text(lines[1].slice(18, 29)) : '',
    nativeName: '',
  };
}

/** TD1 line-1 optional data: columns 15–29, after the continuation of a long document number and its check digit. */
function td1OptionalData(line1: string): string {
  if (line1[14] !== '<') return line1.slice(15, 30);
  const end = line1.indexOf('<', 15);
  return end < 0 ? '' : line1.slice(end + 1, 30);
}
