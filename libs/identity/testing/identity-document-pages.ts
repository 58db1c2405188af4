import type { OcrPage } from '@zhengjian/ocr';
import { line, page } from '../../recognition/testing/ocr-page';

/**
 * OCR lines of identity documents as the engine reads the generated specimens (test/fixtures/identity/, invented
 * people), with the slips OCR makes on photos where a test needs them.
 */
export function hmtResidenceFrontPage(number = '810000199203150028', angle = 0): OcrPage {
  return page(
    [
      line('姓名', 75, 88, 79, 36),
      line('何嘉欣', 205, 84, 111, 39),
      line('性别', 75, 163, 83, 36),
      line('女', 196, 159, 47, 38),
      line('出生', 77, 238, 76, 34),
      line('1992年3月15日', 208, 237, 316, 29),
      line('住址', 76, 313, 78, 33),
      line('广东省深圳市南山区桂庙路', 209, 310, 392, 34),
      line('18号3栋1202室', 210, 361, 390, 32),
      line('公民身份号码', 79, 527, 169, 29),
      line(number, 306, 525, 385, 28),
    ],
    angle,
  );
}

export function hmtResidenceBackPage(permit = 'H12345678'): OcrPage {
  return page([
    line('中华人民共和国', 312, 102, 324, 43),
    line('港澳居民居住证', 317, 225, 468, 60),
    line('签发机关', 142, 362, 100, 27),
    line('深圳市公安局', 282, 360, 177, 26),
    line('有效期限', 144, 419, 99, 25),
    line('2021.07.09-2026.07.09', 279, 418, 321, 24),
    line('通行证号码', 145, 478, 121, 23),
    line(permit, 266, 476, 168, 23),
    line('签发次数', 603, 475, 100, 27),
    line('01', 718, 475, 41, 26),
  ]);
}

/** A resident ID card front (民族 printed, an ordinary 18-digit number): another document for the permits. */
export function residentIdFrontPage(): OcrPage {
  return page([
    line('姓名', 75, 88, 79, 36),
    line('何嘉欣', 205, 84, 111, 39),
    line('性别', 75, 163, 83, 36),
    line('女', 196, 159, 47, 38),
    line('民族', 300, 163, 83, 36),
    line('汉', 420, 159, 47, 38),
    line('出生', 77, 238, 76, 34),
    line('1992年3月15日', 208, 237, 316, 29),
    line('住址', 76, 313, 78, 33),
    line('广东省深圳市南山区桂庙路18号', 209, 310, 392, 34),
    line('公民身份号码', 79, 527, 169, 29),
    line('440305199203150027', 306, 525, 385, 28),
  ]);
}
