import type { OcrLine } from '@zhengjian/ocr';
import type { RecognitionOutcome, RecognizerContext } from '@zhengjian/recognition';
import { line, page } from '../../recognition/testing/ocr-page';
import { amexPage, idCardFrontPage, unionPayDebitPage } from '../testing/bank-card-pages';
import { BankCardRecognizer } from './bank-card.recognizer';

const today = () => new Date('2026-11-30T00:00:00Z');
const recognizer = new BankCardRecognizer({ today });
const values = (outcome: RecognitionOutcome) =>
  outcome.status === 'recognized'
    ? Object.fromEntries(Object.entries(outcome.fields).map(([k, f]) => [k, f.value]))
    : outcome;

/** A context whose second look reads every region as `text`. */
function rereading(text: string): RecognizerContext & { regions: number } {
  const context = {
    regions: 0,
    uprightImage: () => {
      throw new Error('not used');
    },
    readRegions: (quads: readonly OcrLine['box'][]) => {
      context.regions += quads.length;
      return Promise.resolve(quads.map((box) => ({ text, score: 0.95, box })));
    },
  };
  return context;
}

describe(BankCardRecognizer.name, () => {
  it('reads a 19-digit UnionPay debit card cut into boxes unlike its groups, issuer from the BIN table', async () => {
    const outcome = await recognizer.recognize(unionPayDebitPage(['62220210', '0856', '1929516']), 17);
    expect(values(outcome)).toEqual({
      银行卡号: '6222021008561929516',
      银行名称: '中国工商银行',
      卡类型: '借记卡',
      有效期: '12/34',
    });
    expect(outcome).toMatchObject({ cardType: 17, warnings: [] });
  });

  it('reads a 16-digit UnionPay number (招商银行 借记卡) printed 4-4-4-4', async () => {
    const outcome = await recognizer.recognize(unionPayDebitPage(['6225', '8801', '3572', '4681'], ''), 17);
    expect(values(outcome)).toEqual({ 银行卡号: '6225880135724681', 银行名称: '招商银行', 卡类型: '借记卡' });
    expect(outcome).toMatchObject({ warnings: [] });
  });

  it('returns a 19-digit number that fails Luhn as read, flagged checksum_failed', async () => {
    const outcome = await recognizer.recognize(unionPayDebitPage(['621700', '2304159265355']), 17);
    expect(values(outcome)).toMatchObject({
      银行卡号: '6217002304159265355',
      银行名称: '中国建设银行',
      卡类型: '借记卡',
    });
    expect(outcome).toMatchObject({ warnings: ['checksum_failed'] });
    expect(outcome.status === 'recognized' && outcome.fields['银行卡号'].confidence).toBeLessThan(0.8);
  });

  it('lets Luhn decide between the page reading and a second look at the number row', async () => {
    // The detector dropped a digit; read again as one line, the row passes Luhn.
    const context = rereading('6222 0210 0856 1929 516');
    const outcome = await recognizer.recognize(unionPayDebitPage(['62220210', '085', '1929516']), 17, context);
    expect(values(outcome)).toMatchObject({ 银行卡号: '6222021008561929516' });
    expect(outcome).toMatchObject({ warnings: [] });
    expect(context.regions).toBe(1);
  });

  it('keeps the page reading flagged when the second look does not pass Luhn either', async () => {
    const context = rereading('6217 0023 0415 9265 355');
    const outcome = await recognizer.recognize(unionPayDebitPage(['621700', '2304159265355']), 17, context);
    expect(values(outcome)).toMatchObject({ 银行卡号: '6217002304159265355' });
    expect(outcome).toMatchObject({ warnings: ['checksum_failed'] });
  });

  it('corrects a letter read for a digit when exactly one correction passes Luhn', async () => {
    const outcome = await recognizer.recognize(unionPayDebitPage(['62258801', '3572468I']), 17);
    expect(values(outcome)).toMatchObject({ 银行卡号: '6225880135724681' });
    expect(outcome).toMatchObject({ warnings: ['checksum_corrected'] });
  });

  it('reads a 15-digit Amex number grouped 4-6-5 with spaces removed, expiry slash misread beside THRU', async () => {
    const outcome = await recognizer.recognize(amexPage(), 17);
    expect(values(outcome)).toEqual({ 银行卡号: '378282246310005', 有效期: '09/31' });
    expect(outcome).toMatchObject({ warnings: [] });
  });

  it('warns expired once the month printed has passed', async () => {
    const outcome = await recognizer.recognize(unionPayDebitPage(['6225', '8801', '3572', '4681'], '10/26'), 17);
    expect(values(outcome)).toMatchObject({ 有效期: '10/26' });
    expect(outcome).toMatchObject({ warnings: ['expired'] });
  });

  it('answers 215308 for an ID card front: legible text but no bank card cue', async () => {
    expect(await recognizer.recognize(idCardFrontPage(), 17)).toMatchObject({ status: 'failed', errorCode: 215308 });
  });

  it('answers 215308 for a receipt that prints a card number but no bank card cue', async () => {
    const receipt = page([
      line('北京某某超市有限公司', 80, 40, 400, 36),
      line('交易时间2026-11-29 18:02', 80, 100, 420, 30),
      line('卡号', 80, 160, 60, 30),
      line('6225880135724681', 160, 160, 340, 30),
      line('金额 128.50元', 80, 220, 260, 30),
      line('谢谢惠顾', 80, 280, 160, 30),
    ]);
    expect(await recognizer.recognize(receipt, 17)).toMatchObject({ status: 'failed', errorCode: 215308 });
  });

  it('does not take 信用代码 for 信用卡: a business licence with a card-like number is 215308', async () => {
    const licence = page([
      line('营业执照', 400, 40, 200, 50),
      line('统一社会信用代码 91110105MA01ABCD2X', 80, 120, 600, 30),
      line('名称 北京某某科技有限公司', 80, 180, 500, 30),
      line('注册资本 壹佰万元整', 80, 240, 400, 30),
      line('6225880135724681', 80, 300, 340, 30),
    ]);
    expect(await recognizer.recognize(licence, 17)).toMatchObject({ status: 'failed', errorCode: 215308 });
  });

  it('answers 215305 for a card whose number cannot be read', async () => {
    const outcome = await recognizer.recognize(
      page([line('银联', 689, 403, 82, 47), line('UnionPay', 660, 454, 129, 30), line('VALID', 299, 397, 46, 18)]),
      17,
    );
    expect(outcome).toMatchObject({ status: 'failed', errorCode: 215305 });
  });
});
