import type { Signature } from '@zhengjian/recognition';
import { ISSUER_BINS } from './bins.data';

export const BANK_CARD_CARD_TYPE = 17;

/**
 * What a bank card's face prints besides its number: the schemes' marks (as their word marks read), the expiry
 * label, and the card kind as Chinese issuers print it. Labels only: the number itself is scored per page.
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
];

/** The issuers' names as the cards print them (the BIN table's banks): printed cues too. */
const ISSUER_NAMES: readonly string[] = [...new Set(ISSUER_BINS.map((row) => row.bank))];

/**
 * The bank card's signature on one page: the printed cues and issuer names, plus 1 when a 13–19 digit number in a card network's
 * range was read and 1 more when it passes Luhn. Three points make the page a bank card: a number alone, even one
 * passing Luhn, is not enough (receipts and forms print card numbers too).
 */
export function bankCardSignature(numberRead: boolean, luhnValid: boolean): Signature {
  return {
    titles: [],
    labels: [...BANK_CARD_CUES, ...ISSUER_NAMES],
    tokens: [() => numberRead, () => luhnValid],
    threshold: 3,
  };
}
