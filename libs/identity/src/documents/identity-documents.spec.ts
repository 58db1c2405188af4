import type { OcrPage } from '@zhengjian/ocr';
import { PageLayout, type RecognitionOutcome, SpecRecognizer, scoreSignatures } from '@zhengjian/recognition';
import {
  boardingPassPage,
  firstGenerationPage,
  foreignPermanentResidentPage,
  hmtResidenceBackPage,
  hongKongIdPage,
  householdRegisterPage,
  officerCardPage,
  residencePermitPage,
  temporaryIdPage,
  hmtResidenceFrontPage,
  residentIdFrontPage,
} from '../../testing/identity-document-pages';
import { ID_CARD_SPECS } from '../id-card/id-card.documents';
import { FIRST_GENERATION_ID } from './first-generation-id.document';
import { IDENTITY_DOCUMENT_SPECS, identityDocumentsRecognizer } from './identity-documents';

const recognizer = identityDocumentsRecognizer(
  IDENTITY_DOCUMENT_SPECS.map((s) => s.cardType),
  () => new Date('2026-11-30T00:00:00Z'),
);
const values = (outcome: RecognitionOutcome) =>
  outcome.status === 'recognized'
    ? Object.fromEntries(Object.entries(outcome.fields).map(([k, f]) => [k, f.value]))
    : outcome;

describe('港澳台居民居住证 (cardTypes 31 and 32)', () => {
  it('reads the front of a Hong Kong resident permit (cardType 31)', () => {
    const outcome = recognizer.recognize(hmtResidenceFrontPage(), 31);
    expect(values(outcome)).toEqual({
      姓名: '何嘉欣',
      性别: '女',
      出生: '1992-03-15',
      住址: '广东省深圳市南山区桂庙路18号3栋1202室',
      公民身份号码: '810000199203150028',
    });
    expect(outcome).toMatchObject({ cardType: 31, warnings: [] });
    expect(outcome.status === 'recognized' && outcome.portraitBox).toBeTruthy();
  });

  it('resolves look-alikes in the number by its GB 11643 check character on a tilted photo', () => {
    const outcome = recognizer.recognize(hmtResidenceFrontPage('81OOOO1992O315OO28', 0.08), 31);
    expect(values(outcome)).toMatchObject({ 公民身份号码: '810000199203150028', 出生: '1992-03-15' });
    expect(outcome).toMatchObject({ warnings: ['checksum_corrected'] });
  });

  it('returns a number failing its check as read, flagged checksum_failed', () => {
    const outcome = recognizer.recognize(hmtResidenceFrontPage('810000199203150029'), 31);
    expect(values(outcome)).toMatchObject({ 公民身份号码: '810000199203150029' });
    expect(outcome.status === 'recognized' && outcome.warnings).toContain('checksum_failed');
  });

  it('does not read a resident ID card front as a residence permit', () => {
    expect(recognizer.recognize(residentIdFrontPage(), 31)).toMatchObject({ status: 'failed' });
  });

  it('reads the back with its validity split into 签发日期 and 有效期至 (cardType 32)', () => {
    const outcome = recognizer.recognize(hmtResidenceBackPage(), 32);
    expect(values(outcome)).toEqual({
      签发机关: '深圳市公安局',
      有效期限: '2021.07.09-2026.07.09',
      签发日期: '2021-07-09',
      有效期至: '2026-07-09',
      通行证号码: 'H12345678',
    });
    expect(outcome).toMatchObject({ cardType: 32, warnings: ['expired'] });
  });

  it('reads a Taiwan travel permit number of 8 digits, O read as 0', () => {
    expect(values(recognizer.recognize(hmtResidenceBackPage('1234567O'), 32))).toMatchObject({
      通行证号码: '12345670',
    });
  });

  it('answers 215308 for the back asked as the front', () => {
    expect(recognizer.recognize(hmtResidenceBackPage(), 31)).toMatchObject({ status: 'failed', errorCode: 215308 });
  });
});

describe('外国人永久居留身份证 (cardType 33)', () => {
  it('reads a 2023 card, its 18-character number checked by GB 11643', () => {
    const outcome = recognizer.recognize(foreignPermanentResidentPage(2023), 33);
    expect(values(outcome)).toEqual({
      英文姓名: 'BAKER, DAVID',
      中文姓名: '贝克·戴维',
      性别: '男',
      出生: '1999-12-27',
      国籍: '美国',
      中文签发机关: '国家移民管理局',
      英文签发机关: 'National Immigration Administration,PRC',
      公民身份号码: '932840199912272814',
      有效期限: '2024.01.02-2034.01.02',
      英文姓: 'BAKER',
      英文名: 'DAVID',
      持证人国籍代码: 'USA',
    });
    expect(outcome).toMatchObject({ cardType: 33, warnings: [] });
  });

  it('reads a 2017 card, O in its digits read as 0', () => {
    expect(values(recognizer.recognize(foreignPermanentResidentPage(2017), 33))).toMatchObject({
      公民身份号码: 'USA118503141233',
      中文签发机关: '公安部',
      英文签发机关: 'Ministry of Public Security',
      出生: '1985-03-14',
    });
  });

  it('answers 215308 for a 港澳台居民居住证 back', () => {
    expect(recognizer.recognize(hmtResidenceBackPage(), 33)).toMatchObject({ status: 'failed', errorCode: 215308 });
  });
});

describe('香港永久性居民身份證 (cardType 1001)', () => {
  it('reads the card, codes regrouped and their characters taken from the name', () => {
    const outcome = recognizer.recognize(hongKongIdPage(), 1001);
    expect(values(outcome)).toEqual({
      中文姓名: '李俊文',
      拼音姓名: 'LEE, Chun Man',
      性别: '男',
      出生日期: '1994-12-17',
      簽發日期: '2007-02-22',
      身份證號碼: 'K504255(0)',
      符號標記: '***AZ',
      中文電碼: '2621 0193 2429',
      電碼譯文: '李俊文',
      首次簽發日期: '(12-05)',
      證件標題: '香港永久性居民身份證',
    });
    expect(outcome).toMatchObject({ cardType: 1001, warnings: [] });
    expect(outcome.status === 'recognized' && outcome.portraitBox).toBeTruthy();
  });

  it('resolves a look-alike in the HKID number by its check character', () => {
    const outcome = recognizer.recognize(hongKongIdPage('K5O4255(0)'), 1001);
    expect(values(outcome)).toMatchObject({ 身份證號碼: 'K504255(0)' });
    expect(outcome).toMatchObject({ warnings: ['checksum_corrected'] });
  });

  it('flags an HKID number whose check character fails', () => {
    const outcome = recognizer.recognize(hongKongIdPage('K504255(1)'), 1001);
    expect(values(outcome)).toMatchObject({ 身份證號碼: 'K504255(1)' });
    expect(outcome.status === 'recognized' && outcome.warnings).toContain('checksum_failed');
  });
});

const PERSON = { 姓名: '黎振华', 民族: '壮', 住址: '广西壮族自治区南宁市青秀区民族大道88号' };

describe('一代身份证 (cardType 1)', () => {
  it('reads a 15-digit number, l read as 1, and the birth date printed beside it', () => {
    const outcome = recognizer.recognize(firstGenerationPage(true), 1);
    expect(values(outcome)).toEqual({
      ...PERSON,
      性别: '男',
      出生: '1978-05-21',
      公民身份号码: '450102780521301',
      签发机关: '南宁市公安局',
      有效期限: '1998.03.01-2018.03.01',
    });
    expect(outcome).toMatchObject({ cardType: 1 });
  });

  it('reads an 18-digit number checked by GB 11643', () => {
    expect(values(recognizer.recognize(firstGenerationPage(false), 1))).toMatchObject({
      公民身份号码: '450102197805213016',
    });
  });

  it('answers 215308 for a 临时身份证', () => {
    expect(recognizer.recognize(temporaryIdPage(), 1)).toMatchObject({ status: 'failed', errorCode: 215308 });
  });

  describe('beside the resident ID card, whose back prints the same title and labels', () => {
    // The engine classifies every page against every document it knows: here the card and both ID card sides.
    const cards = new SpecRecognizer({
      specs: [...ID_CARD_SPECS, FIRST_GENERATION_ID],
      composites: { 101: [2, 3] },
      today: () => new Date('2026-11-30T00:00:00Z'),
    });
    const scores = (p: OcrPage) =>
      Object.fromEntries(scoreSignatures(new PageLayout(p), cards.documents).map((s) => [s.cardType, s.cues]));

    it('vetoes both sides by 签发机关 and 有效期限 in the column of the personal rows, and counts them for the card', () => {
      expect(scores(firstGenerationPage(false))).toEqual({
        2: ['veto'],
        3: ['veto'],
        1: ['居民身份证', '签发机关', '有效期限', '民族', '公民身份号码', 'layout#0'],
      });
    });

    it('counts a 15-digit number, which no later card carries, as a token of the card', () => {
      expect(scores(firstGenerationPage(true, '450102780521301'))[1]).toEqual([
        '居民身份证',
        '签发机关',
        '有效期限',
        '民族',
        '公民身份号码',
        'layout#0',
        '#0',
      ]);
    });

    it.each([3, 101, 2])('answers 215308 for the card asked as cardType %s', (cardType) => {
      expect(cards.recognize(firstGenerationPage(false), cardType)).toMatchObject({
        status: 'failed',
        errorCode: 215308,
        detail: 'the image shows cardType 1',
      });
    });

    it('reads the card asked as cardType 1', () => {
      expect(cards.recognize(firstGenerationPage(true, '450102780521301'), 1)).toMatchObject({
        status: 'recognized',
        cardType: 1,
      });
    });
  });
});

describe('临时身份证 (cardType 4)', () => {
  it('reads the card with its validity split into 签发日期 and 有效期至', () => {
    const outcome = recognizer.recognize(temporaryIdPage(), 4);
    expect(values(outcome)).toEqual({
      ...PERSON,
      性别: '女',
      出生: '1990-08-08',
      公民身份号码: '450102199008081523',
      签发机关: '南宁市公安局青秀分局',
      有效期限: '2026.05.04-2026.08.04',
      签发日期: '2026-05-04',
      有效期至: '2026-08-04',
    });
    expect(outcome).toMatchObject({ cardType: 4, warnings: ['expired'] });
  });
});

describe('居住证 (cardType 1000)', () => {
  it('reads a 广东省居住证', () => {
    const outcome = recognizer.recognize(residencePermitPage(), 1000);
    expect(values(outcome)).toEqual({
      姓名: '黎振华',
      性别: '男',
      民族: '壮',
      出生: '1978-05-21',
      住址: '广州市天河区建设路12号',
      公民身份号码: '44010619780521301X',
      签发日期: '2024-03-15',
      有效期: '2025-03-15',
      证号: '4401202412345678',
      服务处所: '广州市华信电子有限公司',
      国家或地区: '中国',
      户籍所在地: '广西壮族自治区南宁市青秀区',
    });
    expect(outcome).toMatchObject({ cardType: 1000, warnings: [] });
  });
});

describe('军官证 (cardType 7)', () => {
  it('reads the information page, 出生年月 as YYYY-MM and O in the 编号 read as 0', () => {
    const outcome = recognizer.recognize(officerCardPage(), 7);
    expect(values(outcome)).toEqual({
      编号: '广字第00123456号',
      姓名: '韦国强',
      出生年月: '1985-06',
      性别: '男',
      籍贯: '广西壮族自治区柳州市',
      民族: '壮',
      部别: '南部战区某部',
      职务: '参谋',
      衔级: '少校',
    });
  });
});

describe('户口本 常住人口登记卡 (cardType 16)', () => {
  it('reads the form, the unreturned labels ending the values before them', () => {
    const outcome = recognizer.recognize(householdRegisterPage(), 16);
    expect(values(outcome)).toEqual({
      姓名: '韦国强',
      出生地: '广西壮族自治区柳州市',
      籍贯: '广西壮族自治区柳州市',
      '本市(县)其他住址': '广西壮族自治区柳州市城中区文昌路8号',
      性别: '男',
      民族: '壮',
      出生日期: '1985-06-12',
      公民身份证件编号: '450202198506121234',
    });
    expect(outcome).toMatchObject({ cardType: 16, warnings: [] });
  });

  it('fills 性别 and 出生日期 from the checked ID number, and names the far value cells it found empty', () => {
    const outcome = recognizer.recognize(householdRegisterPage(['性别', '民族', '出生日期']), 16);
    expect(values(outcome)).toMatchObject({ 性别: '男', 出生日期: '1985-06-12' });
    expect(values(outcome)).not.toHaveProperty('民族');
    // 性别 and 民族 labels end at x 840 and their values are printed at x 1140: the regions reach 16 characters on.
    const unread = outcome.status === 'recognized' ? (outcome.unread ?? []) : [];
    expect(unread.map((q) => [Math.round(q[0].x), Math.round(q[1].x)])).toEqual([
      [840, 1320],
      [840, 1320],
    ]);
  });
});

describe('登机牌 (cardType 1002)', () => {
  it('reads flight, seat, date and destination under their labels', () => {
    expect(values(recognizer.recognize(boardingPassPage(), 1002))).toEqual({
      姓名: '韦国强',
      航班: 'CZ3456',
      目的站: '广州白云',
      日期: '15MAR',
      座位号: '32A',
    });
  });

  it('puts back the O of the month and the J of the seat that OCR reads as 0 and ]', () => {
    expect(values(recognizer.recognize(boardingPassPage('080CT', '43]'), 1002))).toMatchObject({
      日期: '08OCT',
      座位号: '43J',
    });
  });

  it('answers 215308 for a 常住人口登记卡', () => {
    expect(recognizer.recognize(householdRegisterPage(), 1002)).toMatchObject({ status: 'failed', errorCode: 215308 });
  });
});
