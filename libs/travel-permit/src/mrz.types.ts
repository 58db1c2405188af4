/**
 * Machine-readable zone formats read by this library.
 * - `TD1` 3 × 30, `TD2` 2 × 36, `TD3` 2 × 44: ICAO Doc 9303 Parts 5, 6, 4.
 * - `MRV-A` 2 × 44, `MRV-B` 2 × 36: visas, ICAO Doc 9303 Part 7 (document code `V`).
 * - `CN-CS`: the one printed line of 30 characters of the 2014 往来港澳通行证 card (document code `CS`).
 * - `CN-3x30`: the three lines of 30 characters of the Chinese exit-entry permit cards (`CS`, `CD`; reported `CR`, `CT`).
 */
export type MrzFormat = 'TD1' | 'TD2' | 'TD3' | 'MRV-A' | 'MRV-B' | 'CN-CS' | 'CN-3x30';

/** The fields protected by a check digit; `composite` covers several fields (ICAO 9303 Part 3 §4.9). */
export type MrzCheckName = 'documentNumber' | 'birthDate' | 'expiryDate' | 'personalNumber' | 'composite';

/** The zone's state codes (ICAO 9303-3 §5): the issuing state or organization, and the holder's nationality. */
export type MrzStateCode = 'issuingState' | 'nationality';

/** One check digit as read: `valid` is true when it matches (a field and check digit all `<` are valid and empty). */
export interface MrzCheck {
  name: MrzCheckName;
  valid: boolean;
}

/** Fields of a machine-readable zone. Text fields have fillers turned into spaces and trimmed; absent ones are `''`. */
export interface MrzFields {
  /** Document code as printed, fillers dropped: `P`, `PO`, `V`, `I`, `ID`, `CS`… */
  documentCode: string;
  /** ICAO 9303 three-letter code of the issuing state (`CHN`; `D` for Germany), `''` when not in the zone. */
  issuingState: string;
  surname: string;
  givenNames: string;
  /** Document number; a TD1 number longer than 9 characters is joined with its continuation in the optional data. */
  documentNumber: string;
  nationality: string;
  /** `YYYY-MM-DD`, the century chosen so that the birth date is not after the reference date; `''` when unknown. */
  birthDate: string;
  /** `M`, `F`, `X` (unspecified) or `''` (filler). */
  sex: string;
  /** `YYYY-MM-DD`, always 20YY; `''` when unknown. */
  expiryDate: string;
  /** TD3 personal number, TD2/MRV optional data, TD1 optional data of line 1 (after a long number) and line 2. */
  optionalData: string;
  /** TD1 line-2 optional data; China 3×30 line 3. */
  optionalData2: string;
  /** China 3×30: the Chinese name encoded in line 2 (GBK bytes as letters), decoded; `''` elsewhere. */
  nativeName: string;
}

/** A parsed zone: its format, the lines as used (after correction), fields and every check digit. */
export interface MrzResult {
  format: MrzFormat;
  lines: string[];
  fields: MrzFields;
  checks: MrzCheck[];
  /** True when every check digit of the format is valid. */
  valid: boolean;
  /**
   * State codes read as no code of ICAO 9303-3 §5 and replaced by the one code a single look-alike away (`OHN` →
   * `CHN`); absent when none was.
   */
  correctedCodes?: MrzStateCode[];
}
