import type { OcrPage } from '@zhengjian/ocr';
import { line, page } from '../../recognition/testing/ocr-page';

/**
 * OCR lines of bank-card fronts as the engine reads the generated specimens (invented numbers from the BIN table,
 * Luhn digits computed): the number cut into boxes that need not follow its printed groups, VALID and THRU on
 * two short lines left of the expiry, the scheme's word mark.
 */
export function unionPayDebitPage(numberBoxes: readonly string[], expiry = '12/34'): OcrPage {
  const width = 560 / numberBoxes.length;
  return page(
    [
      line('中国工商银行', 69, 59, 252, 39),
      line('借记卡DEBIT', 694, 67, 146, 29),
      line('INDUSTRIALANDCOMMERCIALBANKOFCHINA', 60, 115, 406, 17),
      ...numberBoxes.map((text, i) => line(text, 67 + i * width, 330, width - 6, 32, 0.97)),
      line('VALID', 299, 397, 46, 18),
      line('THRU', 299, 416, 45, 18),
      ...(expiry ? [line(expiry, 357, 405, 95, 29)] : []),
      line('银联', 689, 403, 82, 47),
      line('UnionPay', 660, 454, 129, 30),
    ],
    0,
    856,
    540,
  );
}

/** An American Express front: the 4-6-5 number higher than on other cards, no issuer from the BIN table. */
export function amexPage(): OcrPage {
  return page(
    [
      line('PLATINUM', 75, 87, 210, 38),
      line('3782 822463 10005', 120, 300, 560, 40, 0.95),
      line('VALID', 365, 420, 57, 22),
      line('THRU', 364, 443, 56, 22),
      line('0931', 438, 428, 114, 37, 0.9),
      line('WANG MIN', 79, 520, 220, 31),
      line('AMERICAN', 800, 430, 150, 26),
      line('EXPRESS', 806, 460, 140, 26),
    ],
    0,
    1000,
    630,
  );
}

/** The front of a resident ID card (the GB 11643 example number): not a bank card. */
export function idCardFrontPage(): OcrPage {
  return page([
    line('姓名 王小明', 80, 60, 260, 36),
    line('性别 男 民族 汉', 80, 120, 300, 36),
    line('出生 1949年12月31日', 80, 180, 340, 36),
    line('住址 北京市朝阳区建国路88号', 80, 240, 500, 36),
    line('公民身份号码', 80, 480, 200, 36),
    line('11010519491231002X', 320, 480, 420, 40),
  ]);
}
