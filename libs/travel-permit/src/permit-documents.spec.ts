import { icaoCheckDigit } from '@zhengjian/identifiers';
import type { RecognitionOutcome } from '@zhengjian/recognition';
import {
  hkMacaoPermitPage,
  hkMacaoResidentPermitPage,
  permitBackPage,
  taiwanTravelPermitPage,
} from '../testing/permit-pages';
import { detectMrzFormat, parseMrz } from './mrz-parser';
import { travelRecognizer } from './travel-recognizers';

const recognizer = travelRecognizer(() => new Date('2026-11-30T00:00:00Z'));
const values = (outcome: RecognitionOutcome) =>
  outcome.status === 'recognized'
    ? Object.fromEntries(Object.entries(outcome.fields).map(([k, f]) => [k, f.value]))
    : outcome;
const cd = (field: string): string => icaoCheckDigit.checkDigit(field)!;

/** A CS line (card-types.md §22) with its check digits computed here. */
function csLine(code: string, number: string, expiry: string, birth: string): string {
  const n = (number + '<<<<<<<<<').slice(0, 9);
  const parts = [n + cd(n), expiry + cd(expiry), birth + cd(birth)];
  return `${code}${parts[0]}<${parts[1]}<${parts[2]}<${cd(parts.join(''))}`;
}

const TD1_29 = ['CDCHNL428448238<<<<<<<<<<<<<<<', '6908142F3002119CHN<<<<<<<<<<<4', 'LI<<LEI<<<<<<<<<<<<<<<<<<<<<<<'];

describe('permit cards (cardTypes 22, 14, 29)', () => {
  it('computes the CS line check digits the generator draws', () => {
    expect(csLine('CS', 'C75268992', '300118', '690814')).toBe('CSC752689922<3001189<6908142<0');
  });

  it('reads a 往来港澳通行证 2014 card: printed fields, number and dates from the CS line, no mismatch', async () => {
    const outcome = await recognizer.recognize(hkMacaoPermitPage(), 22);
    expect(values(outcome)).toEqual({
      证件号码: 'C75268992',
      中文姓名: '李磊',
      英文姓名: 'LI, LEI',
      出生日期: '1969-08-14',
      性别: '女',
      有效期至: '2030-01-18',
      签发地点: '重庆',
      MRZ: 'CSC752689922<3001189<6908142<0',
      签发机关: '中华人民共和国国家移民管理局',
      证件号码VIZ: 'C75268992',
    });
    expect(outcome).toMatchObject({ cardType: 22, warnings: [] });
    expect(outcome.status === 'recognized' && outcome.portraitBox).toBeTruthy();
  });

  it('reads it on a tilted photo', async () => {
    expect(values(await recognizer.recognize(hkMacaoPermitPage(undefined, 0.06), 22))).toMatchObject({
      证件号码: 'C75268992',
      出生日期: '1969-08-14',
      MRZ: 'CSC752689922<3001189<6908142<0',
    });
  });

  it('flags a printed birth date the zone (check digits valid) contradicts, and keeps the zone date', async () => {
    const zone = csLine('CS', 'C75268992', '300118', '690815');
    const outcome = await recognizer.recognize(hkMacaoPermitPage(zone), 22);
    expect(values(outcome)).toMatchObject({ 出生日期: '1969-08-15', MRZ: zone });
    expect(outcome.status === 'recognized' && outcome.warnings).toEqual(['mrz_mismatch:出生日期']);
  });

  it('keeps the printed date when the zone date fails its check digit, and flags the zone', async () => {
    const broken = 'CSC752689922<3001189<6908152<0';
    const outcome = await recognizer.recognize(hkMacaoPermitPage(broken), 22);
    expect(values(outcome)).toMatchObject({ 出生日期: '1969-08-14', 证件号码: 'C75268992' });
    expect(outcome.status === 'recognized' && outcome.warnings).toContain('checksum_failed');
  });

  it('answers 215308 for a 往来港澳通行证 asked as a 往来台湾通行证 or a residents’ permit', async () => {
    expect(await recognizer.recognize(hkMacaoPermitPage(), 29)).toMatchObject({ status: 'failed', errorCode: 215308 });
    expect(await recognizer.recognize(hkMacaoPermitPage(), 14)).toMatchObject({ status: 'failed', errorCode: 215308 });
  });

  it('reads a 港澳居民来往内地通行证 photo side, splitting a romanised given name read without its space', async () => {
    for (const given of ['CHI KA', 'CHIKA']) {
      const outcome = await recognizer.recognize(hkMacaoResidentPermitPage(given), 14);
      expect(values(outcome)).toEqual({
        证件号码: 'H43407483',
        中文姓名: '陈志嘉',
        英文姓名: 'CHAN, CHI KA',
        英文姓: 'CHAN',
        英文名: 'CHI KA',
        性别: '男',
        出生日期: '1992-08-05',
        有效期限: '2017.06.27-2027.06.26',
        签发日期: '2017-06-27',
        有效期至: '2027-06-26',
        签发机关: '公安部出入境管理局',
        换证次数: '01',
      });
    }
  });

  it('reads a 往来台湾通行证 2017 card with its TD1 zone; the name line (no check digit) follows the printed name', async () => {
    const read = [TD1_29[0], TD1_29[1], 'LI<<EI<<<<<<<<<<<<<<<<<<<<<<<<'];
    const outcome = await recognizer.recognize(taiwanTravelPermitPage(read), 29);
    expect(values(outcome)).toEqual({
      证件号码: 'L42844823',
      中文姓名: '李磊',
      英文姓名: 'LI, LEI',
      出生日期: '1969-08-14',
      性别: '女',
      有效期至: '2030-02-11',
      签发日期: '2020-02-12',
      签发地点: '重庆',
      签发机关: '中华人民共和国国家移民管理局',
      MRZ1: TD1_29[0],
      MRZ2: TD1_29[1],
      MRZ3: TD1_29[2],
    });
  });

  it('reads a TD1 zone of code CD whose optional data and their fillers are all `<` as TD1, every check valid', () => {
    expect(detectMrzFormat(TD1_29)).toBe('TD1');
    const zone = parseMrz(TD1_29, { referenceDate: new Date('2026-11-30') });
    expect(zone.valid).toBe(true);
    expect(zone.fields).toMatchObject({ documentCode: 'CD', documentNumber: 'L42844823', optionalData: '' });
  });
});

describe('permit backs (cardTypes 15, 26)', () => {
  const HK = ['CRH866230860<2709123<7301201<8', 'MMLHNAMANAMATAM<<YAN<YAN<<<<<<', 'F<F0305266<<<02<<<<<<<<<<<<<<<'];
  const TW = ['CT10248006<9<2910220<7301201<4', 'NGKDLHNCLHNCCHENG<<FEN<FEN<<<<', 'F<Z206447396<02<<<<<<<<<<<<<<<'];

  it('computes the back zones’ check digits, an 8-digit number padded with a filler', () => {
    expect(csLine('CR', 'H86623086', '270912', '730120')).toBe(HK[0]);
    expect(csLine('CT', '10248006', '291022', '730120')).toBe(TW[0]);
  });

  it('reads a 港澳居民来往内地通行证 back: the zone (Chinese name decoded) and the printed HKID', async () => {
    const outcome = await recognizer.recognize(permitBackPage('F030526(6)', HK), 15);
    expect(values(outcome)).toEqual({
      证件类型: 'CR',
      证件号码: 'H86623086',
      中文姓名: '谭欣欣',
      英文姓名: 'TAM, YAN YAN',
      性别: '女',
      出生日期: '1973-01-20',
      有效期至: '2027-09-12',
      英文姓: 'TAM',
      英文名: 'YAN YAN',
      MRZ1: HK[0],
      MRZ2: HK[1],
      MRZ3: HK[2],
      签发国代码: 'CHN',
      身份证件号码: 'F030526(6)',
      换证次数: '02',
      '身份证件号码（VIZ）': 'F030526(6)',
    });
    expect(outcome).toMatchObject({ warnings: [] });
  });

  it('flags a printed HKID that fails its check character', async () => {
    const outcome = await recognizer.recognize(permitBackPage('F030526(7)', HK), 15);
    expect(outcome.status === 'recognized' && outcome.warnings).toEqual(
      expect.arrayContaining(['checksum_failed', 'mrz_mismatch:身份证件号码（VIZ）']),
    );
  });

  it('reads a 台湾居民来往大陆通行证 back with its Taiwan ID, and tells the two backs apart', async () => {
    expect(values(await recognizer.recognize(permitBackPage('Z206447396', TW), 26))).toMatchObject({
      证件类型: 'CT',
      证件号码: '10248006',
      中文姓名: '郑芬芬',
      身份证件号码: 'Z206447396',
      换证次数: '02',
    });
    expect(await recognizer.recognize(permitBackPage('Z206447396', TW), 15)).toMatchObject({ errorCode: 215308 });
  });
});
