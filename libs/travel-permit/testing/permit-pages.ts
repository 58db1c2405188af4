import type { OcrPage } from '@zhengjian/ocr';
import { line, page } from '../../recognition/testing/ocr-page';

/**
 * OCR lines of the permit cards as the engine reads the generated specimens (test/fixtures/travel, invented
 * people): bilingual labels with their values below, the red number alone, the zone's lines at the foot.
 */

/** 往来港澳通行证 2014 card (cardType 22) with its CS line `zone`. */
export function hkMacaoPermitPage(zone = 'CSC752689922<3001189<6908142<0', angle = 0): OcrPage {
  return page(
    [
      line('中华人民共和国往来港澳通行证', 182, 94, 560, 38),
      line('EXIT-ENTRYPERMITFORTRAVELLINGTOANDFROMHONGKONGANDMACAO', 176, 137, 700, 18),
      line('姓名/Name', 170, 173, 110, 20),
      line('李磊', 167, 194, 80, 36),
      line('C75268992', 766, 210, 210, 38),
      line('LI,LEI', 161, 245, 90, 26, 0.92),
      line('出生日期/Dateof birth', 159, 283, 230, 20),
      line('性别/Sex', 500, 290, 100, 20),
      line('1969.08.14', 157, 311, 200, 34),
      line('女/F', 497, 318, 60, 34),
      line('有效期限/Periodofvalidity', 152, 364, 260, 20),
      line('签发地点/Placeofissue', 538, 372, 230, 20),
      line('2020.01.19-2030.01.18', 149, 392, 330, 34),
      line('重庆', 535, 408, 80, 34),
      line('签发机关/Issuingauthority', 143, 443, 260, 20),
      line('中华人民共和国国家移民管理局', 142, 468, 440, 30),
      line(zone, 144, 564, 850, 40, 0.97),
    ],
    angle,
    1095,
    738,
  );
}

/** 台湾居民来往大陆通行证 2015 card (cardType 25), photo side: no zone on this side. */
export function taiwanResidentPermitPage(): OcrPage {
  return page(
    [
      line('台湾居民来往大陆通行证', 113, 129, 337, 48),
      line('MAINLAND TRAVELPERMITFORTAIWANRESIDENTS', 108, 166, 394, 39),
      line('67094002', 675, 185, 161, 41),
      line('姓名/Name', 109, 207, 81, 23),
      line('杨伟怡', 106, 225, 96, 44),
      line('YANG,WEI-YI', 109, 267, 146, 33, 0.93),
      line('出生日期/Dateofbirth', 111, 305, 154, 28),
      line('性别/Sex', 423, 299, 65, 21),
      line('1969.09.06', 112, 331, 149, 34),
      line('女/F', 423, 318, 64, 38, 0.95),
      line('签发地点/Placeofissue', 490, 370, 166, 28),
      line('有效期限/Periodofvalidity', 113, 385, 183, 27, 0.94),
      line('2023.12.31-2028.12.30', 114, 406, 304, 39),
      line('黑龙江', 489, 395, 97, 40),
      line('签发机关/Issuingauthority', 115, 466, 183, 27),
      line('中华人民共和国国家移民管理局', 115, 482, 340, 39),
      line('签发次数/lssues', 115, 552, 114, 22, 0.94),
      line('03', 116, 576, 33, 26),
    ],
    0,
    1125,
    778,
  );
}

/** 港澳居民来往内地通行证 photo side (cardType 14); `given` as the OCR read the romanised given name. */
export function hkMacaoResidentPermitPage(given = 'CHI KA'): OcrPage {
  return page(
    [
      line('港澳居民来往内地通行证', 190, 239, 420, 40),
      line('MAINLAND TRAVELPERMITFORHONGKONG AND MACAO RESIDENTS', 189, 286, 650, 18),
      line('H43407483', 869, 293, 220, 38),
      line('姓名/Name', 190, 318, 110, 20),
      line('陈志嘉', 191, 340, 120, 38),
      line(`CHAN,${given}`, 194, 393, 160, 26, 0.92),
      line('性别/Sex', 566, 420, 100, 20),
      line('出生日期/Dateofbirth', 195, 437, 230, 20),
      line('1992.08.05', 197, 468, 200, 36),
      line('男/M', 565, 447, 60, 36),
      line('换证次数/Renewal', 643, 512, 180, 20),
      line('有效期限/Periodofvalidity', 200, 530, 260, 20),
      line('2017.06.27-2027.06.26', 202, 561, 400, 36),
      line('01', 643, 542, 40, 36),
      line('签发机关/lssuingauthority', 204, 623, 260, 20),
      line('公安部出入境管理局', 207, 649, 330, 32),
    ],
    0,
    1303,
    949,
  );
}

/** 往来台湾通行证 2017 card (cardType 29) with its TD1 zone (the name line as read). */
export function taiwanTravelPermitPage(zone: readonly string[]): OcrPage {
  return page(
    [
      line('中华人民共和国往来台湾通行证', 142, 145, 560, 40),
      line('EXIT-ENTRYPERMITFORTRAVELLING TOAND FROM TAIWAN', 139, 193, 600, 18),
      line('姓名/Name', 139, 225, 110, 20),
      line('L42844823', 825, 211, 220, 38),
      line('李磊', 140, 247, 80, 38),
      line('LI,LEI', 141, 299, 90, 26, 0.9),
      line('出生日期/Dateofbirth', 145, 330, 230, 20),
      line('性别/Sex', 521, 318, 100, 20),
      line('1969.08.14', 148, 360, 200, 36),
      line('女/F', 520, 344, 60, 36),
      line('有效期限/Periodofvalidity', 150, 410, 260, 20),
      line('签发地点/Placeof issue', 600, 399, 230, 20),
      line('2020.02.12-2030.02.11', 154, 442, 400, 36),
      line('重庆', 602, 424, 80, 36),
      line('签发机关/Issuingauthority', 154, 493, 260, 20),
      line('中华人民共和国国家移民管理局', 156, 519, 440, 30),
      ...zone.map((text, i) => line(text, 174, 595 + 51 * i, 30 * 28, 36, 0.93)),
    ],
    0,
    1307,
    844,
  );
}

/** The back of a residents' permit (cardTypes 15, 26): the printed ID number and the 3 × 30 zone. */
export function permitBackPage(idNumber: string, zone: readonly string[], count = '02'): OcrPage {
  return page(
    [
      line('身份证件号码/ID card No.', 70, 130, 280, 22),
      line('换证次数/Renewal', 600, 130, 200, 22),
      line(idNumber, 72, 165, 230, 38),
      line(count, 602, 165, 40, 38),
      ...zone.map((text, i) => line(text, 60, 520 + 55 * i, 30 * 30, 38, 0.95)),
    ],
    0,
    1100,
    700,
  );
}
