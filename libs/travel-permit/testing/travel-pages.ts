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
