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

/** 外国人永久居留身份证 of the 2023 edition (18-character number) or the 2017 one (alpha-3 + 12 digits). */
export function foreignPermanentResidentPage(edition: 2017 | 2023 = 2023): OcrPage {
  const modern = edition === 2023;
  return page([
    line('中华人民共和国外国人永久居留身份证', 154, 31, 719, 36),
    line('ForeignPermanentResidentIDCard', 266, 91, 495, 24),
    line('姓名 Name', 366, 168, 105, 25),
    line('BAKER, DAVID', 490, 166, 218, 26),
    line('贝克·戴维', 495, 198, 130, 30),
    line('性别 sex', 365, 299, 110, 28),
    line('男/M', 475, 295, 73, 35),
    line('出生日期', 586, 303, 96, 22),
    line('Date of Birth', 688, 307, 96, 18),
    line(modern ? '1999.12.27' : '1985.03.14', 805, 300, 153, 25),
    line('国籍', 368, 370, 45, 23),
    line('Nationality', 413, 372, 91, 22),
    line('美国/USA', 527, 363, 134, 32),
    line('有效期限', 367, 436, 99, 25),
    line('Period of Validity', 470, 441, 125, 20),
    line('2024.01.02-2034.01.02', 619, 435, 318, 24),
    line('签发机关', 367, 502, 98, 25),
    line('Issuing Authority', 471, 506, 126, 22),
    line(modern ? '国家移民管理局' : '公安部', 623, 499, 206, 25),
    line(modern ? 'National Immigration Administration.PRC' : 'Ministry ofPublic Security', 374, 554, 507, 30),
    line('证件号码Card No.', 367, 579, 173, 27),
    line(modern ? '932840199912272814' : 'USA1185O3141233', 558, 577, 329, 25),
  ]);
}

/** 香港永久性居民身份證 (2003 layout: text column from mid-card), 簽 lost by OCR as it often is. */
export function hongKongIdPage(number = 'K504255(0)'): OcrPage {
  return page([
    line('香港永久性居民身份證', 64, 34, 389, 34),
    line('HONGKONGPERMANENTIDENTITYCARD', 58, 88, 564, 22),
    line('李俊文', 391, 155, 119, 44),
    line('LEE, ChunMan', 387, 236, 181, 24),
    line('262101932429', 390, 297, 222, 24),
    line('出生日期', 371, 365, 97, 23),
    line('Date of Birth', 468, 367, 109, 22),
    line('17-12-1994', 595, 362, 159, 22),
    line('男M', 786, 357, 67, 32),
    line('***AZ', 390, 420, 95, 40),
    line('發日期', 371, 493, 99, 23),
    line('Date of Issue', 470, 495, 110, 23),
    line('(12-05)', 599, 486, 107, 30),
    line('22-02-07', 741, 490, 125, 23),
    line(number, 601, 524, 194, 37),
  ]);
}

/** The personal rows of a resident card laid out like the ID front (y of the first row, row step). */
function personalRows(y: number, step: number, birth: string, sex: '男' | '女' = '男') {
  return [
    line('姓名', 66, y, 68, 28),
    line('黎振华', 195, y - 4, 96, 32),
    line('性别', 66, y + step, 68, 28),
    line(sex, 195, y + step - 4, 30, 32),
    line('民族', 325, y + step, 60, 28),
    line('壮', 412, y + step - 4, 30, 32),
    line('出生', 66, y + 2 * step, 68, 28),
    line(birth, 195, y + 2 * step - 4, 250, 30),
    line('住址', 66, y + 3 * step, 68, 28),
    line('广西壮族自治区南宁市青秀区', 195, y + 3 * step - 4, 420, 32),
    line('民族大道88号', 195, y + 3 * step + 42, 200, 32),
  ];
}

/** 一代身份证 with a 15-digit number (`legacy`, its 1 read as l) or an 18-digit one, or the `number` given. */
export function firstGenerationPage(
  legacy = true,
  number = legacy ? '45010278052130l' : '450102197805213016',
): OcrPage {
  return page([
    line('居民身份证', 72, 40, 226, 48),
    ...personalRows(130, 62, '1978年5月21日'),
    line('签发机关', 66, 445, 104, 28),
    line('南宁市公安局', 192, 440, 180, 32),
    line('有效期限', 66, 505, 104, 28),
    line('1998.03.01-2018.03.01', 192, 500, 316, 30),
    line('公民身份号码', 66, 570, 156, 28),
    line(number, 244, 566, 306, 30),
  ]);
}

export function temporaryIdPage(): OcrPage {
  return page([
    line('临时居民身份证', 72, 40, 300, 48),
    ...personalRows(130, 62, '1990年8月8日', '女'),
    line('签发机关', 66, 445, 104, 28),
    line('南宁市公安局青秀分局', 192, 440, 280, 32),
    line('有效期限', 66, 505, 104, 28),
    line('2026.05.04-2026.08.04', 192, 500, 316, 30),
    line('公民身份号码', 66, 570, 156, 28),
    line('450102199008081523', 244, 566, 306, 30),
  ]);
}

export function residencePermitPage(): OcrPage {
  const row = (label: string, value: string, y: number) => [
    line(label, 50, y, 20 * label.length, 24),
    line(value, 210, y - 3, 18 * value.length, 28),
  ];
  return page([
    line('广东省居住证', 300, 30, 300, 44),
    ...row('姓名', '黎振华', 110),
    ...row('性别', '男', 157),
    line('民族', 318, 157, 42, 24),
    line('壮', 380, 154, 24, 28),
    ...row('出生', '1978年5月21日', 204),
    ...row('国家或地区', '中国', 251),
    ...row('户籍所在地', '广西壮族自治区南宁市青秀区', 298),
    ...row('住址', '广州市天河区建设路12号', 345),
    ...row('服务处所', '广州市华信电子有限公司', 392),
    ...row('签发日期', '2024年03月15日', 439),
    line('有效期', 510, 439, 62, 24),
    line('2025年03月15日', 592, 436, 180, 28),
    ...row('公民身份号码', '44010619780521301X', 486),
    ...row('证号', '4401202412345678', 533),
  ]);
}

export function officerCardPage(): OcrPage {
  const row = (label: string, value: string, y: number, x = 80) => [
    line(label, x, y, 28 * label.length, 28),
    line(value, x + 150, y - 3, 30 * value.length, 32),
  ];
  return page([
    line('中国人民解放军军官证', 260, 70, 460, 50),
    ...row('姓名', '韦国强', 200),
    ...row('出生年月', '1985年6月', 262),
    ...row('性别', '男', 324),
    line('民族', 380, 324, 56, 28),
    line('壮', 460, 321, 30, 32),
    ...row('籍贯', '广西壮族自治区柳州市', 386),
    ...row('部别', '南部战区某部', 448),
    ...row('职务', '参谋', 510),
    line('衔级', 380, 510, 56, 28),
    line('少校', 460, 507, 60, 32),
    ...row('编号', '广字第0O123456号', 585),
  ]);
}

/** A 常住人口登记卡; the values of the labels in `undetected` were not found by the detector. */
export function householdRegisterPage(undetected: readonly string[] = []): OcrPage {
  const cell = (label: string, value: string, x: number, y: number, vx: number) => [
    line(label, x, y, 30 * label.length, 30),
    ...(value && !undetected.includes(label) ? [line(value, vx, y - 2, 32 * value.length, 34)] : []),
  ];
  return page(
    [
      line('常住人口登记卡', 540, 60, 380, 60),
      ...cell('姓名', '韦国强', 70, 220, 300),
      ...cell('户主或与户主关系', '户主', 780, 220, 1140),
      ...cell('曾用名', '', 70, 310, 300),
      ...cell('性别', '男', 780, 310, 1140),
      ...cell('出生地', '广西壮族自治区柳州市', 70, 400, 300),
      ...cell('民族', '壮', 780, 400, 1140),
      ...cell('籍贯', '广西壮族自治区柳州市', 70, 490, 300),
      ...cell('出生日期', '1985年06月12日', 780, 490, 1140),
      ...cell('本市(县)其他住址', '广西壮族自治区柳州市城中区文昌路8号', 70, 580, 470),
      ...cell('宗教信仰', '', 70, 670, 300),
      ...cell('公民身份证件编号', '450202198506121234', 560, 670, 930),
    ],
    0,
    1500,
    960,
  );
}

/** A 登机牌; `date` and `seat` as OCR read them (`080CT`, `43]` on poor photos). */
export function boardingPassPage(date = '15MAR', seat = '32A'): OcrPage {
  const column = (label: string, value: string, x: number, y: number) => [
    line(label, x, y, 24 * label.length + 60, 26),
    line(value, x, y + 40, 30 * value.length, 40),
  ];
  return page(
    [
      line('登机牌', 90, 70, 180, 64),
      line('BOARDING PASS', 400, 80, 380, 44),
      ...column('姓名 NAME', '韦国强', 90, 220),
      ...column('航班 FLIGHT', 'CZ3456', 700, 220),
      ...column('日期 DATE', date, 1110, 220),
      ...column('始发站 FROM', '北京首都', 90, 410),
      ...column('目的站 TO', '广州白云', 700, 410),
      ...column('座位号 SEAT', seat, 1110, 410),
      ...column('登机口 GATE', 'B12', 1450, 410),
    ],
    0,
    1880,
    730,
  );
}
