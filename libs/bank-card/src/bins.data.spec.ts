import { createHash } from 'node:crypto';
import { cardNumber } from '@zhengjian/identifiers';
import { ISSUER_BINS, SKIPPED_SOURCE_ROWS, issuerOf, networkOf, usualLength } from './bins.data';
import { BCBC_BIN_CSV, BCBC_NAME_CSV } from './bins.source';

describe('bank card BIN table', () => {
  it('places every issuer BIN inside its network’s IIN range (ISO/IEC 7812-1)', () => {
    for (const row of ISSUER_BINS) expect(networkOf(row.bin.padEnd(16, '0'))).toBe(row.network);
    expect(networkOf('2720990000000000')).toBe('mastercard');
    expect(networkOf('2721000000000000')).toBeUndefined();
    expect(networkOf('3589000000000000')).toBe('jcb');
    expect(networkOf('378282246310005')).toBe('amex');
  });

  it('keeps the source files byte for byte (the sha256 sums bins.source.ts names)', () => {
    const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
    expect(sha256(BCBC_BIN_CSV)).toBe('9ebabf828af89e50c6fbfdcaac3cf6f46757d36003007a9458b5c04fc1140de6');
    expect(sha256(BCBC_NAME_CSV)).toBe('f1e3a0c2fc87deae7c7b6354728cfcef663a09faee1ad6553dc4b114f915b2dd');
  });

  it('holds every source row, converted or left out with its reason', () => {
    const sourceRows = BCBC_BIN_CSV.split('\n').filter((line) => /^\d/.test(line));
    expect(ISSUER_BINS.length + SKIPPED_SOURCE_ROWS.length).toBe(sourceRows.length);
    expect(ISSUER_BINS.length).toBeGreaterThan(1500);
    expect(new Set(ISSUER_BINS.map((row) => row.bank)).size).toBeGreaterThan(200);
    expect(new Set(ISSUER_BINS.map((row) => row.kind))).toEqual(new Set(['借记卡', '贷记卡', '准贷记卡', '预付费卡']));
    expect(new Set(ISSUER_BINS.map((row) => row.network))).toEqual(
      new Set(['unionpay', 'visa', 'mastercard', 'jcb', 'amex']),
    );
    // Pre-UnionPay domestic prefixes (9558 工商银行) fall in no network range: left out, not guessed.
    expect(SKIPPED_SOURCE_ROWS).toContainEqual({ bin: '9558', bankCode: 'ICBC', reason: 'outside network ranges' });
    expect(issuerOf('9558801001234567890')).toBeUndefined();
  });

  it('names the issuer and card kind of a number by its BIN', () => {
    expect(issuerOf('6228480000000000000')).toMatchObject({ bank: '中国农业银行', kind: '借记卡', length: 19 });
    expect(issuerOf('6217000000000000000')).toMatchObject({ bank: '中国建设银行', kind: '借记卡', length: 19 });
    expect(issuerOf('6222021008561929516')).toMatchObject({ bank: '中国工商银行', kind: '借记卡', bankCode: 'ICBC' });
    expect(issuerOf('6225880135724681')).toMatchObject({ bank: '招商银行', kind: '借记卡', length: 16 });
    expect(issuerOf('6225750000000000')).toMatchObject({ bank: '招商银行', kind: '贷记卡' });
    expect(issuerOf('6228200000000000')).toMatchObject({ bank: '中国农业银行', kind: '准贷记卡' });
    expect(issuerOf('6222540000000000')).toMatchObject({ bank: '交通银行', kind: '准贷记卡' });
    expect(issuerOf('6200190000000000')).toMatchObject({ bank: '中国银行', kind: '预付费卡' });
    expect(issuerOf('4367420000000000000')).toMatchObject({ bank: '中国建设银行', kind: '借记卡', network: 'visa' });
    expect(issuerOf('3568890000000000')).toMatchObject({ bank: '招商银行', kind: '贷记卡', network: 'jcb' });
    expect(issuerOf('6234567890123451')).toBeUndefined();
  });

  it('takes the longest BIN among the issuers of the number’s length', () => {
    expect(issuerOf('6212600000000000')).toMatchObject({ bank: '平安银行', kind: '贷记卡' });
    expect(issuerOf('6212600000000000000')).toMatchObject({ bank: '常熟农商银行', kind: '借记卡' });
    expect(issuerOf('6212600010000000000')).toMatchObject({ bin: '621260001', bank: '咸丰常农商村镇银行' });
    // A 16-digit number under the 19-digit 621260001 falls back to the 16-digit issuer of 621260.
    expect(issuerOf('6212600010000000')).toMatchObject({ bin: '621260', bank: '平安银行' });
    // A length no BIN of the number issues: the longest BIN's issuer when it has only one, else none.
    expect(issuerOf('622848000000000000')).toMatchObject({ bank: '中国农业银行' });
    expect(issuerOf('62230200000000000')).toBeUndefined();
  });

  it('knows the lengths each issuer or network issues: 16 or 19 UnionPay digits, 15 Amex', () => {
    expect(usualLength('6225880135724681')).toBe(true);
    expect(usualLength('6222021008561929516')).toBe(true);
    expect(usualLength('622202100856192951')).toBe(false);
    expect(usualLength('6212600000000000')).toBe(true);
    expect(usualLength('62126000000000000')).toBe(false);
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
