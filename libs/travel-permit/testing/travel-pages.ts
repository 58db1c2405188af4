import type { OcrPage } from '@zhengjian/ocr';
import { line, page } from '../../recognition/testing/ocr-page';

/**
 * OCR lines of generated travel documents (invented holders) as the engine read them: labels and values on their
 * own lines, spaces of the English print partly dropped, zone lines with misread or undetected filler runs.
 */

/** A Chinese passport data page whose zone line 1 (mostly fillers) the detector missed; optional data read `0` for `O`. */
export function passportPage(): OcrPage {
  return page(
    [
      line('中华人民共和国', 67, 53, 257, 38),
      line('护照', 892, 50, 79, 43),
      line("PEOPLE'SREPUBLICOFCHINA", 67, 104, 361, 25),
      line('PASSPORT', 894, 104, 125, 27),
      line('类型/Type', 478, 155, 89, 28),
      line('国家码/CountryCode', 676, 158, 179, 21),
      line('护照号/Passport No.', 981, 155, 173, 28),
      line('P', 477, 185, 29, 33),
      line('CHN', 675, 186, 82, 32),
      line('E17717616', 982, 187, 167, 31),
      line('姓/Surname', 477, 231, 108, 27),
      line('徐XU', 477, 258, 98, 39),
      line('名/Given names', 478, 307, 138, 27),
      line('博BO', 478, 336, 93, 36),
      line('性别/Sex', 477, 382, 80, 29),
      line('出生地点/Placeofbirth', 764, 385, 193, 24),
      line('女/F', 478, 409, 73, 44),
      line('黑龙江/HEILONGJIANG', 764, 409, 368, 44),
      line('出生日期/Date of birth', 478, 461, 192, 27),
      line('306月/JUN1954', 480, 493, 253, 31),
      line('签发地点/Placeofissue', 482, 540, 192, 21),
      line('签发日期/Date of issue', 915, 536, 193, 28),
      line('黑龙江/HEILONGJIANG', 478, 563, 372, 41),
      line('27 10月/OCT 2016', 917, 569, 272, 31, 0.94),
      line('有效期至/Date of expiry', 480, 610, 200, 32),
      line('26 10月/OCT 2026', 480, 644, 274, 32, 0.97),
      line('签发机关/Authority', 65, 689, 162, 28),
      line('公安部出入境管理局', 67, 718, 253, 32),
      line('Exit & Entry Administration, Ministry of Public Security', 64, 760, 597, 28, 0.97),
      line('E177176168CHN5406308F26102650EGJ0DL0GKKGL<26', 66, 897, 1227, 32),
    ],
    0,
    1375,
    968,
  );
}

/** A 大陆居民往来台湾通行证 1992 booklet page whose zone line 1 was misread (`DHNANG<<ZYU`). */
export function taiwanTravelBookletPage(): OcrPage {
  return page(
    [
      line('大陆居民往来台湾通行证', 210, 245, 403, 40),
      line('TRAVELPERMITFORMAINLANDRESIDENTSTOANDFROM TAIWAN', 207, 285, 688, 30),
      line('T17412793', 1116, 312, 191, 38),
      line('姓名', 566, 336, 42, 29),
      line('王梓宇', 569, 366, 94, 34),
      line('WANG ZIYU', 662, 362, 169, 31),
      line('出生日期', 761, 404, 82, 29),
      line('出生地点', 1090, 391, 82, 29),
      line('性别', 567, 411, 43, 31),
      line('北京', 1089, 421, 72, 38),
      line('女', 568, 441, 39, 38),
      line('1992.07.27', 765, 435, 156, 31),
      line('身份证号', 571, 488, 78, 30),
      line('500103199207274484', 571, 516, 283, 31),
      line('签发日期', 570, 563, 86, 32),
      line('有效期至', 870, 553, 81, 29),
      line('2015.10.14', 571, 595, 163, 32),
      line('2020.10.13', 870, 583, 165, 32),
      line('签发地点', 571, 640, 86, 32),
      line('签发机关', 875, 630, 80, 29),
      line('公安部出入境管理局', 878, 655, 244, 35),
      line('北京', 574, 672, 72, 38),
      line('DHNANG<<ZYU<<<<<<<<<<<<<<<<<<<<<<<<<<<<<', 218, 905, 1183, 37),
      line('T174127935CHN9207271F2010131<<<<<<<<<<<<<<<6', 217, 980, 1186, 36),
    ],
    0,
    1560,
    1100,
  );
}

/** A Chinese visa foil (MRV-A zone, document code `V<`), its zone read cleanly. */
export function visaPage(): OcrPage {
  return page(
    [
      line('中华人民共和国签证', 60, 40, 330, 38),
      line('CHINESE VISA', 60, 95, 200, 24),
      line('V20481736', 880, 45, 180, 34),
      line('签证种类/Category', 390, 150, 150, 20),
      line('Z', 390, 178, 24, 30),
      line('入境次数/Entries', 620, 150, 140, 20),
      line('MULT', 620, 178, 80, 30),
      line('签发地/Issuedin', 880, 150, 130, 20),
      line('伦敦', 880, 178, 60, 30),
      line('入境有效期/Enterbefore', 390, 225, 190, 20),
      line('2026-03-14', 390, 253, 170, 30),
      line('每次停留/Durationofeachstay', 740, 225, 230, 20),
      line('090天/DAYS', 740, 253, 150, 30),
      line('签发日期/Issuedate', 390, 300, 160, 20),
      line('2025-03-15', 390, 328, 170, 30),
      line('姓名/Fullname', 390, 375, 130, 20),
      line('MARTIN, ELENA', 390, 403, 220, 30),
      line('出生日期/Dateofbirth', 390, 450, 170, 20),
      line('1988-11-02', 390, 478, 170, 30),
      line('护照号码/PassportNo.', 740, 450, 170, 20),
      line('X40917265', 740, 478, 160, 30),
      line('备注/Remarks', 390, 525, 120, 20),
      line('V<CHNMARTIN<<ELENA<<<<<<<<<<<<<<<<<<<<<<<<<<', 50, 660, 1100, 34),
      line('X409172653FRA8811020F2603140<<<<<<<<<<<<<<<<', 50, 722, 1100, 34),
    ],
    0,
    1200,
    800,
  );
}

/** A 往来港澳通行证 2005 booklet page (photo): the zone's line 1 misread (`CSHNHENG<<YANLN`), line 2 read whole. */
export function hkMacaoBookletPage(): OcrPage {
  return page(
    [
      line('中华人民共和国往来港澳通行证', 190, 188, 609, 84),
      line('EXIT-ENTRYPERMITFOR TRAVELLINGTO AND FROM HONGKONGAND MACAO', 184, 245, 946, 91, 0.93),
      line('姓名', 604, 335, 47, 30),
      line('郑艳琳', 602, 367, 116, 42),
      line('ZHENG YANLIN', 740, 375, 226, 49),
      line('W96063041', 1239, 368, 225, 58),
      line('性别', 600, 423, 50, 33),
      line('出生日期', 823, 433, 97, 40),
      line('女', 598, 453, 44, 46),
      line('1966.09.06', 824, 469, 184, 48),
      line('出生地点', 1199, 452, 95, 44),
      line('陕西', 1195, 489, 81, 44),
      line('签发日期', 590, 595, 97, 40),
      line('有效期至', 931, 615, 94, 39),
      line('2008.10.22', 589, 632, 185, 45),
      line('2013.10.21', 927, 649, 182, 47),
      line('签发地点', 586, 682, 94, 38),
      line('签发机关', 926, 701, 91, 36),
      line('陕西', 582, 714, 84, 48),
      line('公安部出入境管理局', 925, 731, 277, 53),
      line('CSHNHENG<<YANLN<<<<<<<<<<<<<<<<<<<<<<<<<<', 175, 957, 1290, 104, 0.86),
      line('W960630411CHN6609069F1310214<<<<<<<<<<<<<<<4', 170, 1035, 1285, 100, 0.93),
    ],
    0,
    1807,
    1325,
  );
}

/** A 台湾居民往来大陆通行证 1992 booklet page (photo) whose zone line 1 the detector missed. */
export function taiwanResidentBookletPage(): OcrPage {
  return page(
    [
      line('台湾居民来往大陆通行证', 218, 258, 399, 58),
      line('MAINLAND TRAVELPERMITFOR TAIWANRESIDENTS', 216, 300, 528, 53, 0.96),
      line('22169321', 1102, 322, 162, 47),
      line('姓名', 572, 357, 42, 26),
      line('杨伟怡', 574, 381, 96, 41),
      line('YANG WEI-YI', 668, 373, 192, 42, 0.97),
      line('出生地点', 1078, 402, 78, 34),
      line('性别', 575, 430, 45, 32),
      line('出生日期', 764, 419, 79, 33),
      line('陕西', 1079, 432, 66, 36),
      line('女', 577, 459, 39, 37),
      line('1966.09.06', 768, 445, 154, 39),
      line('职业', 1081, 477, 43, 31),
      line('身份证号', 578, 501, 81, 37),
      line('医生', 1083, 508, 65, 34),
      line('W229813619', 579, 530, 159, 41),
      line('签发次数', 1201, 545, 78, 32),
      line('签发日期', 582, 578, 83, 34),
      line('有效期至', 871, 563, 79, 33),
      line('09', 1203, 579, 36, 28),
      line('2020.06.09', 872, 588, 154, 41),
      line('2015.06.10', 585, 604, 157, 40),
      line('签发机关', 874, 636, 80, 34),
      line('签发地点', 588, 655, 79, 29),
      line('公安部出入境管理局', 877, 654, 233, 47),
      line('陕西', 588, 684, 68, 37),
      line('住址', 594, 730, 40, 29),
      line('台湾省台南市', 596, 749, 182, 48),
      line('22169321<0CHN6609069F200609509<<<<<<<<<<<<74', 257, 935, 1109, 110, 0.93),
    ],
    0,
    1555,
    1288,
  );
}
