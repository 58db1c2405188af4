import type { Signature } from '@zhengjian/recognition';
import { ISSUER_BINS } from './bins.data';

export const BANK_CARD_CARD_TYPE = 17;

/**
 * What a bank card's face prints besides its number: the schemes' marks (as their word marks read), the expiry
 * label, the card kind as Chinese issuers print it, and the issuers' names of the BIN table. Matched exactly (any
 * case), not as fuzzy labels: `信用卡` one character away would match the `信用代码` of a business licence.
 */
export const BANK_CARD_CUES: readonly string[] = [
  'UnionPay',
  '银联',
  'VISA',
  'mastercard',
  'AMERICAN',
  'EXPRESS',
  'JCB',
  'VALID',
  'THRU',
  'DEBIT',
  'CREDIT',
  '借记卡',
  '信用卡',
  '贷记卡',
  '预付卡',
  ...new Set(ISSUER_BINS.map((row) => row.bank)),
];

const CUE_PATTERNS = BANK_CARD_CUES.map((cue) => new RegExp(cue, 'i'));

/**
 * The bank card's signature on one page: 1 per printed cue found, plus 1 when a 13–19 digit number in a card
 * network's range was read and 1 more when it passes Luhn (the last two tokens). Three points make the page a bank
 * card: a number alone, even one passing Luhn, is not enough (receipts and forms print card numbers too).
 */
export function bankCardSignature(numberRead: boolean, luhnValid: boolean): Signature {
  return {
    titles: [],
    labels: [],
    tokens: [...CUE_PATTERNS, () => numberRead, () => luhnValid],
    threshold: 3,
  };
}

/** Whether a signature score's cues (`#n` token indices) include a printed cue, not only the number. */
export function hasPrintedCue(cues: readonly string[]): boolean {
  return cues.some((cue) => Number(cue.slice(1)) < CUE_PATTERNS.length);
}
