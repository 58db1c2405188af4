import type { OcrPage } from '@zhengjian/ocr';
import { line, page } from '../../testing/ocr-page';
import type { DocumentRecognizer, RecognitionOutcome } from '../recognizer';
import { date, validity } from '../values/dates';
import { citizenIdNumber } from '../values/identifier-values';
import { chineseName, text, token } from '../values/value-parser';
import type { DocumentSpec } from './document-spec';
import { idDigits, notBefore, placeNames, sameDate, sexFromId, validitySpan } from './rules';
import { SpecRecognizer } from './spec.recognizer';

/** A small 驾驶证-like spec written for the toolkit's tests (the real one lives in libs/vehicle). */
const LICENCE: DocumentSpec = {
  cardType: 5,
  signature: { titles: ['机动车驾驶证'], labels: ['准驾车型', '初次领证日期'] },
  fields: [
    { key: '证号', labels: ['证号'], at: 'anywhere', pattern: /\d{17}/, parse: citizenIdNumber() },
    { key: '姓名', labels: ['姓名'], subLabels: ['Name'], at: 'right', parse: chineseName() },
    { key: '性别', labels: ['性别'], at: 'right', parse: text() },
    { key: '住址', labels: ['住址'], subLabels: ['Address'], at: 'continued', parse: text() },
    { key: '出生日期', labels: ['出生日期'], at: 'right', parse: date() },
    { key: '初始领证日期', labels: ['初次领证日期'], at: 'right', parse: date() },
    { key: '有效起始日期', labels: ['有效起始日期'], at: 'right', parse: date() },
    {
      key: '有效期限',
      labels: ['有效期限'],
      at: 'right',
      parse: validity({ years: [6, 10] }),
      into: { from: '有效起始日期', to: '有效截止日期' },
    },
  ],
  required: ['证号', '姓名'],
  rules: [
    placeNames('住址', '证号'),
    sameDate('出生日期', idDigits('证号', 7, 14)),
    sexFromId('性别', '证号'),
    notBefore('初始领证日期', '出生日期', 16),
    validitySpan({ from: '有效起始日期', span: '有效期限', to: '有效截止日期' }, [6, 10]),
  ],
};
const SUB: DocumentSpec = {
  cardType: 28,
  signature: { titles: ['机动车驾驶证副页'], labels: ['档案编号'] },
  fields: [{ key: '姓名', labels: ['姓名'], at: 'right', parse: chineseName() }],
  required: ['姓名'],
};

const ID = '11010519491231002X';
function licencePage(
  rows: { birth?: string; validity?: string; from?: string; name?: string; address?: string } = {},
): OcrPage {
  return page([
    line('中华人民共和国机动车驾驶证', 200, 30, 600, 40),
    line(`证号${ID}`, 40, 100, 500, 30),
    line(`姓名 ${rows.name ?? 'Name'} 王芳`, 40, 150, 260, 30),
    line('性别女', 400, 150, 120, 30),
    line(`住址 ${rows.address ?? 'Address 北京市东城区景山前街4号'}`, 40, 200, 500, 30),
    line(`出生日期${rows.birth ?? '1949-12-31'}`, 300, 250, 330, 30),
    line('初次领证日期2001-05-06', 300, 300, 380, 30),
    line('准驾车型C1', 300, 350, 200, 30),
    ...(rows.from ? [line(`有效起始日期${rows.from}`, 40, 450, 380, 30)] : []),
    line(`有效期限${rows.validity ?? '2015-05-06至2025-05-06'}`, 500, 450, 450, 30),
  ]);
}

const today = () => new Date('2024-06-01T00:00:00Z');
const values = (outcome: RecognitionOutcome) =>
  outcome.status === 'recognized'
    ? Object.fromEntries(Object.entries(outcome.fields).map(([k, f]) => [k, f.value]))
    : outcome;

describe(SpecRecognizer.name, () => {
  const recognizer = new SpecRecognizer({ specs: [LICENCE, SUB], composites: { 102: [5, 28] }, today });

  it('reads every field of the spec, a span filling its dates', () => {
    const outcome = recognizer.recognize(licencePage(), 5);
    expect(values(outcome)).toEqual({
      证号: ID,
      姓名: '王芳',
      性别: '女',
      住址: '北京市东城区景山前街4号',
      出生日期: '1949-12-31',
      初始领证日期: '2001-05-06',
      有效期限: '10年',
      有效起始日期: '2015-05-06',
      有效截止日期: '2025-05-06',
    });
    expect(outcome).toMatchObject({ status: 'recognized', cardType: 5, warnings: [] });
  });

  it('gives each field its confidence and its box in the page', () => {
    const outcome = recognizer.recognize(licencePage(), 5);
    if (outcome.status !== 'recognized') throw new Error('not recognized');
    expect(outcome.fields['姓名'].confidence).toBe(0.98);
    expect(outcome.fields['姓名'].box?.[0].x).toBeGreaterThan(40);
  });

  it('derives the end of an older card from its start and length', () => {
    const outcome = recognizer.recognize(licencePage({ from: '2015-05-06', validity: '6年' }), 5);
    expect(values(outcome)).toMatchObject({ 有效期限: '6年', 有效起始日期: '2015-05-06', 有效截止日期: '2021-05-06' });
    expect(outcome).toMatchObject({ warnings: ['expired'] });
  });

  it('fills an unreadable birth date from the ID number and flags a disagreeing one', () => {
    expect(values(recognizer.recognize(licencePage({ birth: '19??' }), 5))).toMatchObject({ 出生日期: '1949-12-31' });
    expect(recognizer.recognize(licencePage({ birth: '1950-12-31' }), 5)).toMatchObject({
      warnings: ['date_inconsistent'],
    });
  });

  it('drops an English sub-label read with a wrong letter', () => {
    expect(values(recognizer.recognize(licencePage({ name: 'Nme:' }), 5))).toMatchObject({ 姓名: '王芳' });
    expect(values(recognizer.recognize(licencePage({ address: 'dress 北京市东城区景山前街4号' }), 5))).toMatchObject({
      住址: '北京市东城区景山前街4号',
    });
  });

  it('repairs a one-character slip in a county name of an address (GB/T 2260)', () => {
    const outcome = recognizer.recognize(licencePage({ address: 'Address 湖南省怀化市激浦县龙泉乡' }), 5);
    expect(values(outcome)).toMatchObject({ 住址: '湖南省怀化市溆浦县龙泉乡' });
    expect(outcome.status === 'recognized' && outcome.fields['住址'].confidence).toBe(0.931);
  });

  it('takes the line whose value passes its check over an earlier one that fails it, for a value found anywhere', () => {
    const unlabelled = (...numbers: string[]) =>
      page([
        line('中华人民共和国机动车驾驶证', 200, 30, 600, 40),
        ...numbers.map((n, i) => line(n, 40, 100 + 50 * i, 500, 30)),
        line('姓名王芳', 40, 250, 260, 30),
        line('准驾车型C1', 300, 350, 200, 30),
      ]);
    // 110105194912310021 fails GB 11643's check character; the later line passes it.
    expect(values(recognizer.recognize(unlabelled('110105194912310021', ID), 5))).toMatchObject({ 证号: ID });
    const alone = recognizer.recognize(unlabelled('110105194912310021'), 5);
    expect(values(alone)).toMatchObject({ 证号: '110105194912310021' });
    expect(alone).toMatchObject({ warnings: expect.arrayContaining(['checksum_failed']) });
  });

  it('answers 215305 when none of the required fields is read', () => {
    const blank = page([line('中华人民共和国机动车驾驶证', 200, 30, 600, 40), line('准驾车型C1', 300, 350, 200, 30)]);
    expect(recognizer.recognize(blank, 5)).toEqual({
      status: 'failed',
      errorCode: 215305,
      detail: 'none of 证号, 姓名 could be read',
    });
  });

  it('answers 215308 for the other page, and reads it under the composite as the detected type', () => {
    const sub = page([
      line('中华人民共和国机动车驾驶证副页', 200, 30, 600, 40),
      line('姓名李雷', 40, 150, 200, 30),
      line('档案编号110100123456', 400, 150, 400, 30),
    ]);
    expect(recognizer.recognize(sub, 5)).toMatchObject({ status: 'failed', errorCode: 215308 });
    expect(recognizer.recognize(sub, 102)).toMatchObject({
      status: 'recognized',
      cardType: 28,
      fields: { 姓名: { value: '李雷' } },
    });
    expect(recognizer.recognize(licencePage(), 102)).toMatchObject({ status: 'recognized', cardType: 5 });
  });

  it('delegates a foreign document chosen under a composite to its own recognizer', () => {
    const idBack: DocumentRecognizer = {
      cardTypes: [3],
      recognize: () => ({ status: 'recognized', cardType: 3, fields: {}, warnings: [] }),
    };
    const withId = new SpecRecognizer({
      specs: [LICENCE],
      foreign: [{ cardType: 3, signature: { titles: ['居民身份证'], labels: ['签发机关'] }, recognizer: idBack }],
      composites: { 104: [3, 5] },
      serves: [104],
    });
    expect(withId.cardTypes).toEqual([104]);
    const back = page([
      line('中华人民共和国', 300, 50, 300, 40),
      line('居民身份证', 300, 110, 300, 50),
      line('签发机关某市公安局', 100, 400, 400, 30),
    ]);
    expect(withId.recognize(back, 104)).toMatchObject({ status: 'recognized', cardType: 3 });
  });

  describe('free text and re-read regions', () => {
    const CARD: DocumentSpec = {
      cardType: 2,
      signature: { titles: ['测试证'], labels: ['性别'] },
      fields: [
        { key: '姓名', labels: ['姓名'], at: 'right', parse: chineseName({ minLength: 1 }), freeText: true },
        { key: '性别', labels: ['性别'], at: 'right', parse: token(/[男女]/), reread: 5 },
        { key: '民族', labels: ['民族'], at: 'right', parse: text(), reread: 5 },
      ],
      required: ['姓名'],
    };
    const card = new SpecRecognizer({ specs: [CARD] });
    const rows = (name: string, glyphs = 0.2) => [
      line('测试证', 300, 10, 200, 40),
      { ...line(`姓名${name}`, 60, 60, 200, 36), unexplainedGlyphs: glyphs },
      line('性别', 60, 120, 70, 32),
      line('民族', 250, 120, 70, 32),
    ];

    it('flags a free-text value whose line holds ink no character explains, lowering its confidence', () => {
      const outcome = card.recognize(page(rows('周', 0.96)), 2);
      expect(outcome).toMatchObject({ fields: { 姓名: { value: '周', confidence: 0.588 } } });
      expect(outcome.status === 'recognized' && outcome.warnings).toContain('uncertain_characters');
      expect(card.recognize(page(rows('王芳')), 2)).toMatchObject({ fields: { 姓名: { confidence: 0.98 } } });
    });

    it('names the regions right of labels with nothing printed after them, stopping at the next label', () => {
      const outcome = card.recognize(page(rows('王芳')), 2);
      if (outcome.status !== 'recognized') throw new Error('not recognized');
      const boxes = outcome.unread!.map((q) => [Math.round(q[0].x), Math.round(q[2].x)]);
      // Five row heights each; 性别's cut short of 民族, whose label starts at 250 (less a fifth of a row).
      expect(boxes).toEqual([
        [130, 244],
        [320, 480],
      ]);
      const read = card.recognize(page([...rows('王芳'), line('男', 140, 122, 32, 30)]), 2);
      expect(read).toMatchObject({ fields: { 性别: { value: '男' } }, unread: [expect.anything()] });
    });
  });

  it('refuses a spec that reads a key its cardType does not return', () => {
    const wrong: DocumentSpec = { ...SUB, fields: [{ key: '车牌号', at: 'anywhere', parse: text() }] };
    expect(() => new SpecRecognizer({ specs: [wrong] })).toThrow('cardType 28 has no result key 车牌号');
  });
});
