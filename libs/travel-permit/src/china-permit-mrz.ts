import { decode } from 'iconv-lite';
import { mrzBirthDate, mrzExpiryDate } from './mrz-dates';
import type { MrzFields } from './mrz.types';

/**
 * Machine-readable zones of the Chinese exit-entry permit cards, which ICAO 9303 and the `mrz` package do not cover.
 *
 * What is known, and from where (no official specification is published):
 * - **CS line** (往来港澳通行证 2014 card, printed on the back, one line of 30): `CS` + document number (9, `C` + digit
 *   or letter + 7 digits) + check digit + `<` + expiry YYMMDD + check digit + `<` + birth YYMMDD + check digit + `<` +
 *   composite check digit over columns 2–11, 13–19, 21–27 (0-based); ICAO 7-3-1 check digits. Source: the public
 *   reader YUFOHON/PassportReader (`mrz/EepMrzParser.java`), consistent with public specimen images.
 * - **3 × 30 zone** (the chip's DG1 of those cards, and the 3-line zones printed on the backs of 港澳居民来往内地通行证
 *   and 台湾居民来往大陆通行证 cards): line 1 as the CS line with the card's document code (`CS` 往来港澳通行证, `CD`
 *   往来台湾通行证 per the same source; `CR`, `CT` for the two residents' permits are reported by OCR vendors,
 *   unverified); line 2 the Chinese name encoded (its GBK bytes as hexadecimal digits written `A`–`J` for 0–9 and
 *   `K`–`P` for A–F, 12 characters) then the surname in pinyin, `<<`, the given names; line 3 further data (kept raw).
 *   Source: YUFOHON/PassportReader `readers/eep/EepMrzParser.java`, `ChineseNameDecoder.java`; the layout of the
 *   printed residents' permit backs is implemented as consistent with public specimens' structure, not documented.
 * - The booklet permits (往来港澳通行证 2005, 台湾居民往来大陆通行证 1992, 大陆居民往来台湾通行证 1992) carry a
 *   2 × 44 zone read as TD3 (ICAO 9303 Part 4 layout, their own document codes).
 */

/** Length of the encoded Chinese name at the start of line 2 of a 3 × 30 zone (three characters' GBK bytes). */
const ENCODED_NAME_LENGTH = 12;

/** Decodes a Chinese name written as GBK bytes in hexadecimal with `A`–`P` for 0–F (fillers ignored); `''` if invalid. */
export function decodeMrzChineseName(encoded: string): string {
  const letters = encoded.replace(/</g, '');
  if (!/^[A-P]*$/.test(letters)) return '';
  const usable = letters.slice(0, letters.length - (letters.length % 4));
  if (usable.length === 0) return '';
  const bytes = Buffer.from([...usable].map((c) => (c.charCodeAt(0) - 65).toString(16)).join(''), 'hex');
  const name = decode(bytes, 'gbk');
  return name.includes('\uFFFD') ? '' : name;
}

/** Encodes a Chinese name as the 3 × 30 zone does (GBK bytes, hexadecimal digits as `A`–`P`). */
export function encodeMrzChineseName(name: string, encodeGbk: (s: string) => Buffer): string {
  return [...encodeGbk(name).toString('hex').toUpperCase()]
    .map((h) => String.fromCharCode(65 + parseInt(h, 16)))
    .join('');
}

const text = (raw: string): string => raw.replace(/</g, ' ').replace(/\s+/g, ' ').trim();

/** Fields of a CS line or a 3 × 30 zone (lines corrected, 30 characters each). */
export function parseChinaPermitFields(lines: readonly string[], reference: Date): MrzFields {
  const [l1, l2 = '', l3 = ''] = lines;
  const encoded = l2.slice(0, ENCODED_NAME_LENGTH);
  const names = l2.slice(ENCODED_NAME_LENGTH);
  const split = names.indexOf('<<');
  return {
    documentCode: l1.slice(0, 2),
    issuingState: 'CHN',
    surname: text(split < 0 ? names : names.slice(0, split)),
    givenNames: split < 0 ? '' : text(names.slice(split + 2)),
    documentNumber: text(l1.slice(2, 11)),
    nationality: '',
    birthDate: mrzBirthDate(l1.slice(21, 27), reference),
    sex: '',
    expiryDate: mrzExpiryDate(l1.slice(13, 19)),
    optionalData: '',
    optionalData2: text(l3),
    nativeName: lines.length === 3 ? decodeMrzChineseName(encoded) : '',
  };
}
