import shared from '../../../test/vectors/identifiers.json';
import published from '../../../test/vectors/identifiers-public.json';
import { cardNumber } from './card-number';

describe('cardNumber (ISO/IEC 7812, Luhn)', () => {
  it.each(shared.bank_card_luhn)('judges the shared vector $number as the vector says', (v) => {
    expect(cardNumber.parse(v.number)).toEqual({
      valid: v.luhn_passes,
      formatValid: v.length >= 13 && v.length <= 19,
      luhnValid: v.luhn_passes,
      number: v.number,
    });
  });

  it.each(published.card_numbers)('passes the published Luhn example $number', (v) => {
    expect(cardNumber.luhnValid(v.number)).toBe(v.luhn);
    expect(cardNumber.checkDigit(v.number.slice(0, -1))).toBe(v.number.slice(-1));
  });

  it('accepts 16- and 19-digit UnionPay numbers and refuses a 19-digit one that fails Luhn', () => {
    expect(cardNumber.isValid('6200000000000005')).toBe(true);
    expect(cardNumber.isValid('6205500000000000004')).toBe(true);
    expect(cardNumber.parse('6262626262626262626')).toMatchObject({ formatValid: true, luhnValid: false });
  });

  it('reads grouped numbers and refuses lengths outside 13–19', () => {
    expect(cardNumber.parse('6205 5000 0000 0000 004').valid).toBe(true);
    expect(cardNumber.parse('6200-0000-0000-0005').valid).toBe(true);
    expect(cardNumber.parse('79927398713')).toMatchObject({ formatValid: false, valid: false });
    expect(cardNumber.parse('62055000000000000049').formatValid).toBe(false);
  });
});

describe('cardNumber.correct', () => {
  it('replaces letters read for digits', () => {
    expect(cardNumber.correct('62OO OOOO OOOO OOO5')).toMatchObject({ value: '6200000000000005', reason: 'corrected' });
    expect(cardNumber.correct('6205S000000000000O4')).toMatchObject({
      value: '6205500000000000004',
      reason: 'corrected',
    });
  });

  it('never changes a digit: a wrong digit stays as read', () => {
    expect(cardNumber.correct('6200000000000006')).toEqual({
      value: '6200000000000006',
      reason: 'invalid',
      positions: [],
    });
  });
});
