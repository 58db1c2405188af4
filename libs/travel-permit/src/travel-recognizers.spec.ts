import type { RecognitionOutcome } from '@zhengjian/recognition';
import { hkMacaoPermitPage, taiwanResidentPermitPage } from '../testing/permit-pages';
import {
  hkMacaoBookletPage,
  passportPage,
  taiwanResidentBookletPage,
  taiwanTravelBookletPage,
  visaPage,
} from '../testing/travel-pages';
import { zoneShapeToken } from './mrz-fields';
import { travelRecognizer } from './travel-recognizers';

const recognizer = travelRecognizer(() => new Date('2026-11-30T00:00:00Z'));
const values = (outcome: RecognitionOutcome) =>
  outcome.status === 'recognized'
    ? Object.fromEntries(Object.entries(outcome.fields).map(([k, f]) => [k, f.value]))
    : outcome;

describe('documents with a machine-readable zone', () => {
  it('reads a Chinese passport (13): print, zone (line 1 rebuilt from the printed names), cross-checks', async () => {
    const outcome = await recognizer.recognize(passportPage(), 13);
    expect(values(outcome)).toEqual({
      护照类型: 'P',
      护照号码MRZ: 'E17717616',
      本国姓名: '徐博',
      英文姓名: 'XU BO',
      性别: '女',
      出生日期: '1954-06-30',
      有效期至: '2026-10-26',
      签发国代码: 'CHN',
      英文姓: 'XU',
      英文名: 'BO',
      MRZ1: 'P<CHNXU<<BO<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<',
      MRZ2: 'E177176168CHN5406308F2610265OEGJODLOGKKGL<26',
      持证人国籍代码: 'CHN',
      护照号码: 'E17717616',
      出生地点: '黑龙江',
      签发地点: '黑龙江',
      签发日期: '2016-10-27',
      出生地点拼音: 'HEILONGJIANG',
      签发地点拼音: 'HEILONGJIANG',
      本国姓名拼音OCR: 'XU BO',
      性别OCR: '女',
      持证人国籍代码OCR: 'CHN',
      出生日期OCR: '1954-06-30',
      有效期至OCR: '2026-10-26',
      签发机关OCR: '公安部出入境管理局',
      本国姓: '徐',
      本国名: '博',
      '英文姓(VIZ)': 'XU',
      '英文名(VIZ)': 'BO',
      '英文姓名(VIZ)': 'XU BO',
      校对英文姓: 'XU',
      校对英文名: 'BO',
      '本国姓名(VIZ)': '徐博',
      国籍: '中国',
    });
    expect(outcome).toMatchObject({ status: 'recognized', cardType: 13 });
    expect(outcome.status === 'recognized' && outcome.warnings).not.toContain('checksum_failed');
    expect(outcome.status === 'recognized' && outcome.portraitBox).toBeTruthy();
  });

  it('reads a 大陆居民往来台湾通行证 1992 booklet (11), the misread zone line 1 rebuilt from the printed name', async () => {
    expect(values(await recognizer.recognize(taiwanTravelBookletPage(), 11))).toEqual({
      證件類型: 'CD',
      證件號碼MRZ: 'T17412793',
      中文姓名: '王梓宇',
      英文姓名: 'WANG ZIYU',
      性别: '女',
      出生日期: '1992-07-27',
      有效期至: '2020-10-13',
      簽發國代碼: 'CHN',
      英文姓: 'WANG',
      英文名: 'ZIYU',
      MRZ1: 'CDCHNWANG<<ZIYU<<<<<<<<<<<<<<<<<<<<<<<<<<<<<',
      MRZ2: 'T174127935CHN9207271F2010131<<<<<<<<<<<<<<<6',
      持證人國籍代碼: 'CHN',
      身份證號碼: '500103199207274484',
      簽發地點: '北京',
      簽發日期: '2015-10-14',
      中文姓名OCR: '王梓宇',
      性别OCR: '女',
      出生日期OCR: '1992-07-27',
      有效期至OCR: '2020-10-13',
    });
  });

  it('rebuilds a zone line 1 whose names lost a letter and whose filler run holds stray glyphs (11)', async () => {
    const booklet = taiwanTravelBookletPage();
    const read = 'CDCHNWANG<<ZIY<<<<<<<<<<<<<AA<<<<<<<<<<<<<<<';
    const misread = {
      ...booklet,
      lines: booklet.lines.map((l) => (l.text.startsWith('DHN') ? { ...l, text: read } : l)),
    };
    expect(values(await recognizer.recognize(misread, 11))).toMatchObject({
      英文姓名: 'WANG ZIYU',
      英文名: 'ZIYU',
      MRZ1: 'CDCHNWANG<<ZIYU<<<<<<<<<<<<<<<<<<<<<<<<<<<<<',
    });
  });

  it('reads a visa (12) with an MRV-A zone', async () => {
    const outcome = await recognizer.recognize(visaPage(), 12);
    expect(values(outcome)).toEqual({
      证件类型: 'V',
      MRZ导出号码: 'X40917265',
      英文姓名: 'MARTIN ELENA',
      性别: '女',
      出生日期: '1988-11-02',
      有效期至: '2026-03-14',
      签发国代码: 'CHN',
      英文姓: 'MARTIN',
      英文名: 'ELENA',
      MRZ1: 'V<CHNMARTIN<<ELENA<<<<<<<<<<<<<<<<<<<<<<<<<<',
      MRZ2: 'X409172653FRA8811020F2603140<<<<<<<<<<<<<<<<',
      持证人国籍代码: 'FRA',
      证件号码: 'V20481736',
      '护照号码/通行证号码': 'X40917265',
      签发地点: '伦敦',
      签发日期: '2025-03-15',
      来往次数: 'M',
      停留天数: '90',
      签证种类: 'Z',
    });
    expect(outcome.status === 'recognized' && outcome.warnings).toEqual([]);
  });

  it('answers 215308 for a passport page asked as a visa or a booklet permit', async () => {
    for (const cardType of [12, 9, 10, 11])
      expect(await recognizer.recognize(passportPage(), cardType)).toMatchObject({
        status: 'failed',
        errorCode: 215308,
      });
  });

  it('answers 215308 for a visa asked as a passport', async () => {
    expect(await recognizer.recognize(visaPage(), 13)).toMatchObject({ status: 'failed', errorCode: 215308 });
  });
});

describe('documents that print the same title, told apart by the zone they carry', () => {
  const refused = { status: 'failed', errorCode: 215308 };

  it('reads a 往来港澳通行证 2005 booklet (9), the misread zone line 1 rebuilt from the printed name', async () => {
    const outcome = await recognizer.recognize(hkMacaoBookletPage(), 9);
    expect(values(outcome)).toEqual({
      证件类型: 'CS',
      证件号码MRZ: 'W96063041',
      中文姓名: '郑艳琳',
      英文姓名: 'ZHENG YANLIN',
      性別: '女',
      出生日期: '1966-09-06',
      有效期至: '2013-10-21',
      签发国代码: 'CHN',
      英文姓: 'ZHENG',
      英文名: 'YANLIN',
      MRZ1: 'CSCHNZHENG<<YANLIN<<<<<<<<<<<<<<<<<<<<<<<<<<',
      MRZ2: 'W960630411CHN6609069F1310214<<<<<<<<<<<<<<<4',
      持证人国际代码: 'CHN',
      证件号码: 'W96063041',
      出生地: '陕西',
      签发地点: '陕西',
      签发日期: '2008-10-22',
      签发机关: '公安部出入境管理局',
    });
    expect(outcome).toMatchObject({ cardType: 9, warnings: [] });
  });

  it('answers 215308 for the 2005 booklet asked as the 2014 card (22), and for the card asked as the booklet', async () => {
    expect(await recognizer.recognize(hkMacaoBookletPage(), 22)).toMatchObject(refused);
    expect(await recognizer.recognize(hkMacaoPermitPage(), 9)).toMatchObject(refused);
    expect(await recognizer.recognize(hkMacaoPermitPage(), 22)).toMatchObject({ status: 'recognized', cardType: 22 });
  });

  it('reads a 台湾居民往来大陆通行证 1992 booklet (10) whose zone line 1 was not read', async () => {
    const outcome = await recognizer.recognize(taiwanResidentBookletPage(), 10);
    expect(values(outcome)).toMatchObject({
      证件号码: '22169321',
      '证件号码(MRZ)': '22169321',
      中文姓名: '杨伟怡',
      身份证号码: 'W229813619',
      出生日期: '1966-09-06',
      有效期至: '2020-06-09',
      签发次数: '09',
      MRZ2: '22169321<0CHN6609069F200609509<<<<<<<<<<<<74',
    });
  });

  it('answers 215308 for the 1992 booklet asked as the 2015 card (25), and for the card asked as the booklet', async () => {
    expect(await recognizer.recognize(taiwanResidentBookletPage(), 25)).toMatchObject(refused);
    expect(await recognizer.recognize(taiwanResidentPermitPage(), 10)).toMatchObject(refused);
    expect(await recognizer.recognize(taiwanResidentPermitPage(), 25)).toMatchObject({
      status: 'recognized',
      cardType: 25,
    });
  });
});

describe(zoneShapeToken.name, () => {
  const twoLine = zoneShapeToken('two-line');
  const csLine = zoneShapeToken('cs-line', ['CS']);

  it('finds a line of a 2 × 44 zone, not a long capitalised title', () => {
    expect(twoLine('22169321<0CHN6609069F200609509<<<<<<<<<<<<74')).toBe(true);
    expect(twoLine('EXIT-ENTRYPERMITFORTRAVELLINGTOANDFROMHONGKONGANDMACAO')).toBe(false);
    expect(twoLine('CSC752689922<3001189<6908142<0')).toBe(false);
  });

  it('finds a CS line read a character short, not a booklet zone line 1 whose fillers were dropped', () => {
    expect(csLine('姓名\nCSC752689922<3001189<6908142<0')).toBe(true);
    expect(csLine('CSC752689922<3001189<690814<0')).toBe(true);
    expect(csLine('CSCHNZHENG<<YANLIN<<<<<<<<<<<<')).toBe(false);
  });

  it('restricts the document code when asked', () => {
    expect(csLine('CRH866230860<2709123<7301201<8')).toBe(false);
    expect(zoneShapeToken('cs-line')('CRH866230860<2709123<7301201<8')).toBe(true);
  });
});
