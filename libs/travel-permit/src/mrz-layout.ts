import type { MrzCheckName, MrzFormat, MrzStateCode } from './mrz.types';

/**
 * What may stand in a field: `code` letters or `<` (document code), `state` a state code (ICAO 9303-3 §5: letters
 * or `<`, checked against the list of codes), `name` letters and `<`, `date`
 * digits (YYMMDD), `sex` `M`/`F`/`X`/`<`, `alnum` any MRZ character (decided by the field's check digit), `check` a
 * check digit (digit, or `<` after a field of fillers), `filler` a single `<`.
 */
export type MrzFieldKind = 'code' | 'state' | 'name' | 'date' | 'sex' | 'alnum' | 'check' | 'filler';

/** One field: line index, start (inclusive) and end (exclusive) columns, kind, and the check digit guarding it. */
export interface MrzSegment {
  line: number;
  start: number;
  end: number;
  kind: MrzFieldKind;
  /** For a data field: the name of its check digit. For a `check` segment: the check it is. */
  check?: MrzCheckName;
  /** For a `state` segment: the state code it is. */
  state?: MrzStateCode;
}

const seg = (line: number, start: number, end: number, kind: MrzFieldKind, check?: MrzCheckName): MrzSegment => ({
  line,
  start,
  end,
  kind,
  check,
});

/** The 3-character state code at `line`, `start` (issuing state or organization, or the holder's nationality). */
const state = (line: number, start: number, code: MrzStateCode): MrzSegment => ({
  line,
  start,
  end: start + 3,
  kind: 'state',
  state: code,
});

/** Line 1's document code and issuing state (TD1, TD2, TD3, MRV-A, MRV-B). */
const LINE1_HEAD = [seg(0, 0, 2, 'code'), state(0, 2, 'issuingState')];

/** Line 2 of TD3 / MRV-A and TD2 / MRV-B up to the expiry check digit (ICAO 9303 Parts 4, 6, 7). */
const LINE2_HEAD = [
  seg(1, 0, 9, 'alnum', 'documentNumber'),
  seg(1, 9, 10, 'check', 'documentNumber'),
  state(1, 10, 'nationality'),
  seg(1, 13, 19, 'date', 'birthDate'),
  seg(1, 19, 20, 'check', 'birthDate'),
  seg(1, 20, 21, 'sex'),
  seg(1, 21, 27, 'date', 'expiryDate'),
  seg(1, 27, 28, 'check', 'expiryDate'),
];

/** The CS line (往来港澳通行证 2014): `CS` + number(9) + cd + `<` + expiry + cd + `<` + birth + cd + `<` + composite. */
const CS_LINE = [
  seg(0, 0, 2, 'code'),
  seg(0, 2, 11, 'alnum', 'documentNumber'),
  seg(0, 11, 12, 'check', 'documentNumber'),
  seg(0, 12, 13, 'filler'),
  seg(0, 13, 19, 'date', 'expiryDate'),
  seg(0, 19, 20, 'check', 'expiryDate'),
  seg(0, 20, 21, 'filler'),
  seg(0, 21, 27, 'date', 'birthDate'),
  seg(0, 27, 28, 'check', 'birthDate'),
  seg(0, 28, 29, 'filler'),
  seg(0, 29, 30, 'check', 'composite'),
];

/** Field layout of each format, and line length and count. */
export const MRZ_LAYOUTS: Readonly<Record<MrzFormat, { lines: number; length: number; segments: MrzSegment[] }>> = {
  TD3: {
    lines: 2,
    length: 44,
    segments: [
      ...LINE1_HEAD,
      seg(0, 5, 44, 'name'),
      ...LINE2_HEAD,
      seg(1, 28, 42, 'alnum', 'personalNumber'),
      seg(1, 42, 43, 'check', 'personalNumber'),
      seg(1, 43, 44, 'check', 'composite'),
    ],
  },
  'MRV-A': {
    lines: 2,
    length: 44,
    segments: [...LINE1_HEAD, seg(0, 5, 44, 'name'), ...LINE2_HEAD, seg(1, 28, 44, 'alnum')],
  },
  TD2: {
    lines: 2,
    length: 36,
    segments: [
      ...LINE1_HEAD,
      seg(0, 5, 36, 'name'),
      ...LINE2_HEAD,
      seg(1, 28, 35, 'alnum'),
      seg(1, 35, 36, 'check', 'composite'),
    ],
  },
  'MRV-B': {
    lines: 2,
    length: 36,
    segments: [...LINE1_HEAD, seg(0, 5, 36, 'name'), ...LINE2_HEAD, seg(1, 28, 36, 'alnum')],
  },
  TD1: {
    lines: 3,
    length: 30,
    segments: [
      ...LINE1_HEAD,
      seg(0, 5, 14, 'alnum', 'documentNumber'),
      seg(0, 14, 15, 'check', 'documentNumber'),
      seg(0, 15, 30, 'alnum'),
      seg(1, 0, 6, 'date', 'birthDate'),
      seg(1, 6, 7, 'check', 'birthDate'),
      seg(1, 7, 8, 'sex'),
      seg(1, 8, 14, 'date', 'expiryDate'),
      seg(1, 14, 15, 'check', 'expiryDate'),
      state(1, 15, 'nationality'),
      seg(1, 18, 29, 'alnum'),
      seg(1, 29, 30, 'check', 'composite'),
      seg(2, 0, 30, 'name'),
    ],
  },
  'CN-CS': { lines: 1, length: 30, segments: CS_LINE },
  'CN-3x30': {
    lines: 3,
    length: 30,
    segments: [...CS_LINE, seg(1, 0, 30, 'name'), seg(2, 0, 30, 'alnum')],
  },
};

/**
 * The text the composite check digit covers, per ICAO 9303: TD3 line 2 columns 0–9, 13–19, 21–42; TD2 0–9, 13–19,
 * 21–34; TD1 line 1 columns 5–29 and line 2 columns 0–6, 8–14, 18–28; the CS line 2–11, 13–19, 21–27. MRV formats
 * have no composite check digit.
 */
export function compositeText(format: MrzFormat, lines: readonly string[]): string | undefined {
  const [l1, l2] = lines;
  switch (format) {
    case 'TD3':
      return l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43);
    case 'TD2':
      return l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 35);
    case 'TD1':
      return l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29);
    case 'CN-CS':
    case 'CN-3x30':
      return l1.slice(2, 12) + l1.slice(13, 20) + l1.slice(21, 28);
    case 'MRV-A':
    case 'MRV-B':
      return undefined;
  }
}
