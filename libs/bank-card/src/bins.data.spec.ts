import { cardNumber } from '@zhengjian/identifiers';
import { ISSUER_BINS, issuerOf, networkOf, usualLength } from './bins.data';

describe('bank card BIN table', () => {
  it('places every issuer BIN inside its network’s IIN range (ISO/IEC 7812-1)', () => {
    for (const row of ISSUER_BINS) expect(networkOf(row.bin + '0'.repeat(10))).toBe(row.network);
    expect(networkOf('2720990000000000')).toBe('mastercard');
    expect(networkOf('2721000000000000')).toBeUndefined();
    expect(networkOf('3589000000000000')).toBe('jcb');
    expect(networkOf('378282246310005')).toBe('amex');
  });

  it('names the issuer and card kind of a UnionPay number by its BIN', () => {
    expect(issuerOf('6222021008561929516')).toMatchObject({ bank: '中国工商银行', kind: '借记卡', length: 19 });
    expect(issuerOf('6225750000000000')).toMatchObject({ bank: '招商银行', kind: '贷记卡' });
    expect(issuerOf('6234567890123451')).toBeUndefined();
  });

  it('knows the lengths each network issues: 16 or 19 UnionPay digits, 15 Amex', () => {
    expect(usualLength('6225880135724681')).toBe(true);
    expect(usualLength('6222021008561929516')).toBe(true);
    expect(usualLength('622202100856192951')).toBe(false);
    expect(usualLength('378282246310005')).toBe(true);
    expect(usualLength('3782822463100051')).toBe(false);
  });

  it('is consistent with the Luhn check of libs/identifiers on the numbers the tests use', () => {
    expect(cardNumber.isValid('6225880135724681')).toBe(true);
    expect(cardNumber.isValid('6222021008561929516')).toBe(true);
    expect(cardNumber.isValid('6217002304159265355')).toBe(false);
    expect(cardNumber.parse('6217002304159265355')).toMatchObject({ formatValid: true, luhnValid: false });
  });
});
