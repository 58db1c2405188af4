import type { OcrPage } from '@zhengjian/ocr';
import { line, page } from '../../recognition/testing/ocr-page';

/**
 * OCR lines of vehicle documents as the engine reads the generated specimens (invented people and vehicles):
 * bilingual labels partly merged with their values, the seal's text as a block of short lines.
 */
export function drivingMainPage(layout: 'period' | 'span' = 'period'): OcrPage {
  return page(
    [
      line('中华人民共和国机动车驾驶证', 238, 54, 664, 42),
      line("DrivingLicenseofthePeople'sRepublicofChina", 324, 116, 491, 21),
      line('证号', 65, 181, 55, 28),
      line('540102200203287188', 155, 179, 390, 27),
      line('姓名 Name', 64, 255, 108, 32),
      line('姜雨红', 182, 250, 112, 34),
      line('性别 sex 女国籍 Natioality 中国', 543, 251, 387, 37, 0.87),
      line('住址Address', 67, 328, 119, 25),
      line('一', 186, 333, 13, 14, 0.8),
      line('西藏自治区拉萨市城关区光明巷68号', 199, 320, 577, 33),
      line('出生日期 Date of Birth', 293, 471, 199, 31),
      line('2002-03-28', 593, 469, 181, 27),
      line('西藏自治区', 88, 488, 147, 37),
      line('拉萨市公安', 88, 521, 147, 36),
      line('初次领证日期Date of First ssue', 294, 537, 282, 27),
      line('2024-05-09', 590, 534, 184, 26),
      line('局交通警察', 87, 554, 150, 36),
      line('支队', 129, 586, 61, 37),
      line('准驾车型class', 292, 596, 151, 35),
      line('0', 590, 593, 20, 33),
      line('3', 612, 593, 21, 33),
      ...(layout === 'period'
        ? [line('有效期限valid Period', 67, 688, 193, 26), line('2024-05-09 至2030-05-09', 280, 683, 438, 27)]
        : [
            line('有效起始日期Valid From', 67, 688, 230, 26),
            line('2024-05-09', 310, 683, 180, 27),
            line('有效期限Valid For', 560, 688, 180, 26),
            line('6年', 760, 683, 50, 27),
          ]),
    ],
    0,
    1139,
    777,
  );
}

export function drivingSubPage(): OcrPage {
  return page([
    line('中华人民共和国机动车驾驶证副页', 176, 50, 541, 32),
    line('证号540102200203287188', 47, 137, 353, 22),
    line('姓名 Name 姜雨红', 44, 186, 191, 30),
    line('档案编号FileNo.540132612074', 459, 190, 362, 23),
    line('记录Record', 45, 255, 94, 27),
    line('2024-09-02审验合格', 68, 310, 244, 26),
  ]);
}

export function vehicleMainPage(vin = 'LFVJHV3X5KA135094'): OcrPage {
  return page([
    line('中华人民共和国机动车行驶证', 225, 45, 556, 37),
    line("VehicleLicenseofthePeople'sRepublicofChina", 279, 97, 447, 19),
    line('号牌号码Plate No.', 44, 158, 161, 26),
    line('藏A5J985', 219, 154, 130, 30),
    line('车辆类型vehicle Type', 511, 158, 185, 27),
    line('小型轿车', 710, 152, 118, 34),
    line('所有人owner', 44, 227, 123, 25),
    line('姜雨红', 178, 221, 93, 33),
    line('住址Address', 43, 296, 122, 25),
    line('西藏自治区拉萨市城关区光明巷68号', 167, 294, 472, 25),
    line('使用性质UseCharacter', 44, 366, 193, 28),
    line('非营运', 253, 360, 92, 34),
    line('品牌型号Model', 512, 367, 158, 26),
    line('大众汽车牌FV7145TATG', 670, 365, 311, 24),
    line('车辆识别代号VIN', 260, 438, 189, 21),
    line(vin, 449, 434, 290, 24),
    line('西藏自治区', 67, 474, 143, 35),
    line('拉萨市公安', 64, 506, 146, 35),
    line('发动机号码EngineNo.', 261, 507, 195, 25),
    line('CUF865919', 478, 503, 154, 26),
    line('局交通警察', 63, 538, 147, 37),
    line('支队', 105, 570, 60, 37),
    line('注册日期RegisterDate2019-10-23', 260, 576, 337, 23),
    line('发证日期issueDate2019-10-23', 673, 575, 315, 24),
  ]);
}

export function vehicleSubPage(): OcrPage {
  return page([
    line('号牌号码PlateNo.', 39, 69, 152, 24),
    line('藏A5J985', 193, 64, 109, 25),
    line('档案编号File No.', 465, 67, 139, 27),
    line('540147126642', 614, 66, 197, 24),
    line('核定载人数 Approved Passengers 5人', 35, 137, 295, 27),
    line('总质量Gross Mass2115kg', 465, 136, 231, 27),
    line('整备质量unladen Mass1720kg', 37, 206, 268, 27),
    line('核定载质量Approved Load', 465, 209, 203, 24),
    line('外廓尺寸overall Dimension 4560×1865×1460mm', 36, 278, 405, 25),
    line('准牵引l总质量TractionMass', 465, 279, 215, 24),
    line('备注Note强制报废期止2034-10-23', 37, 348, 379, 27),
    line('检验记录Inspection Record', 37, 419, 199, 27),
    line('检验有效期至2026年10月', 145, 463, 312, 22),
  ]);
}

export function vinPlatePage(): OcrPage {
  return page([
    line('比亚迪汽车工业有限公司', 257, 64, 391, 34),
    line('品牌：比亚迪', 71, 135, 157, 29),
    line('整车型号：BYD7009BEV', 71, 178, 285, 25),
    line('发动机型号：BYD472QA', 72, 217, 282, 28),
    line('最大允许总质量：1850kg', 71, 257, 296, 30),
    line('制造年月：2008年11月', 71, 299, 266, 26),
    line('车辆识别代号：', 71, 377, 170, 29),
    line('LC05WAB897M885417', 73, 435, 516, 35),
    line('中国制造', 705, 488, 105, 30),
  ]);
}

/** A 电子行驶证 screenshot: title bar, the card's title and plate graphic, one label/value pair per row. */
export function vehicleElectronicPage(): OcrPage {
  const rows: [string, string][] = [
    ['号牌号码', '藏A5J985'],
    ['车辆类型', '小型轿车'],
    ['所有人', '姜雨红'],
    ['使用性质', '非营运'],
    ['品牌型号', '大众汽车牌FV7145TATG'],
    ['车辆识别代号', 'LFVJHV3X5KA135094'],
    ['发动机号码', 'CUF865919'],
    ['注册日期', '2019-10-23'],
    ['发证日期', '2019-10-23'],
    ['发证机关', '西藏自治区拉萨市公安局交通警察支队'],
  ];
  return page(
    [
      line('14:05', 30, 10, 60, 24),
      line('电子行驶证', 300, 70, 150, 30),
      line('机动车行驶证', 60, 160, 180, 30),
      line('Vehicle License', 60, 196, 160, 20),
      line('藏A·5J985', 70, 230, 200, 50),
      ...rows.flatMap(([label, value], i) => [
        line(label, 60, 330 + i * 70, 20 * label.length, 26),
        line(value, 220, 328 + i * 70, 22 * value.length, 28),
      ]),
      line('更新时间：2026-11-30 09:12', 60, 1050, 330, 22),
    ],
    0,
    750,
    1120,
  );
}
