import { USCC_ALPHABET, VIN_ALPHABET, citizenId, cardNumber, hkid, icaoCheckDigit, taiwanId, uscc, vin } from '../src';

/** A seeded generator (mulberry32), so that every run draws the same values. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function pick(random: () => number, alphabet: string, length = 1): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

/** Valid values of each identifier with a look-alike correction, check characters computed. */
export const generators = {
  citizenId(random: () => number): string {
    const regions = ['11', '31', '44', '51', '65'].map((p) => p + pick(random, DIGITS, 4)).concat('810000', '830000');
    const region = regions[Math.floor(random() * regions.length)];
    const date = new Date(Date.UTC(1930, 0, 1) + Math.floor(random() * 90 * 365.25) * 86_400_000);
    const first17 = `${region}${date.toISOString().slice(0, 10).replace(/-/g, '')}${pick(random, DIGITS, 3)}`;
    return first17 + citizenId.checkCharacter(first17);
  },
  uscc(random: () => number): string {
    const first17 = `${pick(random, '159Y')}${pick(random, '123')}${pick(random, DIGITS, 6)}${pick(random, USCC_ALPHABET, 9)}`;
    return first17 + uscc.checkCharacter(first17);
  },
  vin(random: () => number): string {
    // A Chinese-market VIN (WMI region L, GB 16735: check digit mandatory); ISO 3779: the last four are digits.
    const draft = `L${pick(random, VIN_ALPHABET, 7)}0${pick(random, VIN_ALPHABET, 4)}${pick(random, DIGITS, 4)}`;
    return `${draft.slice(0, 8)}${vin.checkDigit(draft)}${draft.slice(9)}`;
  },
  cardNumber(random: () => number): string {
    const payload = `62${pick(random, DIGITS, 13 + Math.floor(random() * 4))}`;
    return payload + cardNumber.checkDigit(payload);
  },
  icaoDocumentNumber(random: () => number): string {
    const field = pick(random, `${DIGITS}${LETTERS}`, 8) + pick(random, `${DIGITS}<`);
    return field + icaoCheckDigit.checkDigit(field);
  },
  icaoDate(random: () => number): string {
    const field = pick(random, DIGITS, 6);
    return field + icaoCheckDigit.checkDigit(field);
  },
  hkid(random: () => number): string {
    const body = pick(random, LETTERS, random() < 0.8 ? 1 : 2) + pick(random, DIGITS, 6);
    return body + hkid.checkCharacter(body);
  },
  taiwanId(random: () => number): string {
    const body = pick(random, LETTERS) + pick(random, '1289') + pick(random, DIGITS, 7);
    return body + taiwanId.checkDigit(body);
  },
};
