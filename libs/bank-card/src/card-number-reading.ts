import { cardNumber, citizenId } from '@zhengjian/identifiers';
import type { LayoutLine, TextRow } from '@zhengjian/recognition';
import { networkOf, usualLength } from './bins.data';

/** One reading of the card number (PAN) from the OCR, checked. */
export interface CardNumberReading {
  /** 13–19 digits, separators removed (card-types.md: `^\d{13,19}$`). */
  value: string;
  /** Passes the Luhn check (ISO/IEC 7812-1 Annex B), as read or after a look-alike correction. */
  luhnValid: boolean;
  /** A letter read for a digit had to be replaced to pass the Luhn check. */
  corrected: boolean;
  /** Mean OCR score of the lines it came from (0–1). */
  score: number;
  lines: LayoutLine[];
}

// Characters OCR returns for digits in embossed and printed card numbers (the common Latin look-alikes).
const DIGITISH = /^[0-9ODQIBSZG|〇]+$/;
const DIGIT = /\d/g;

/** A line that may be (part of) the card number: digits with at most a few look-alike letters, 2+ characters. */
export function isNumberFragment(line: LayoutLine): boolean {
  const text = line.text.toUpperCase();
  if (text.length < 2 || !DIGITISH.test(text)) return false;
  return (text.match(DIGIT)?.length ?? 0) >= Math.max(2, Math.ceil(text.length * 0.6));
}

/**
 * The card-number reading of one row of number fragments, or undefined when its characters do not make 13–19
 * digits. Look-alike letters are corrected when exactly one correction passes the Luhn check (libs/identifiers);
 * otherwise they are read as their usual digit and the reading fails Luhn.
 */
export function readingOf(text: string, lines: LayoutLine[]): CardNumberReading | undefined {
  const upper = text.toUpperCase();
  if (upper.length < 13 || upper.length > 19) return undefined;
  const score = lines.length ? lines.reduce((s, l) => s + l.score, 0) / lines.length : 0;
  const correction = cardNumber.correct(upper);
  if (correction.reason === 'valid' || correction.reason === 'corrected') {
    return { value: correction.value, luhnValid: true, corrected: correction.reason === 'corrected', score, lines };
  }
  const digits = upper
    .replace(/[ODQ〇]/g, '0')
    .replace(/[I|]/g, '1')
    .replace(/B/g, '8')
    .replace(/S/g, '5')
    .replace(/Z/g, '2')
    .replace(/G/g, '6');
  if (!/^\d{13,19}$/.test(digits)) return undefined;
  return { value: digits, luhnValid: cardNumber.luhnValid(digits), corrected: false, score, lines };
}

/**
 * The readings of every row of number fragments on the page (a row may be cut into several OCR boxes: they are
 * joined left to right; a row longer than 19 characters is read without its outer boxes too). A run that is a valid
 * 公民身份号码 (GB 11643) is not taken for a card number.
 */
export function cardNumberReadings(rows: readonly TextRow[]): CardNumberReading[] {
  const readings: CardNumberReading[] = [];
  const add = (lines: LayoutLine[]): void => {
    const reading = readingOf(lines.map((l) => l.text).join(''), lines);
    if (reading && !citizenId.isValid(reading.value)) readings.push(reading);
  };
  for (const row of rows) {
    if (row.text.length <= 19) add(row.lines);
    else
      for (let from = 0; from < row.lines.length; from++)
        for (let to = from + 1; to <= row.lines.length; to++) add(row.lines.slice(from, to));
  }
  return readings;
}

/**
 * Ranks readings: Luhn-valid first (the check decides between OCR readings), then a length its network issues
 * (bins.data.ts), a known network, then the OCR score.
 */
export function bestReading(readings: readonly CardNumberReading[]): CardNumberReading | undefined {
  const rank = (r: CardNumberReading): number[] => [
    r.luhnValid ? 1 : 0,
    usualLength(r.value) ? 1 : 0,
    networkOf(r.value) ? 1 : 0,
    r.corrected ? 0 : 1,
    r.score,
  ];
  return [...readings].sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return y[i] - x[i];
    return 0;
  })[0];
}
