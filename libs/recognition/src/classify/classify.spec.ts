import { line, page } from '../../testing/ocr-page';
import { PageLayout } from '../layout/page-layout';
import { anotherDocument, classify } from './classify';
import { type Classifiable, scoreSignatures } from './signature-score';

const MAIN: Classifiable = {
  cardType: 5,
  signature: { titles: ['机动车驾驶证'], labels: ['准驾车型', '初次领证日期'] },
};
const SUB: Classifiable = { cardType: 28, signature: { titles: ['机动车驾驶证副页'], labels: ['档案编号', '记录'] } };
const VIN: Classifiable = {
  cardType: 1100,
  signature: { titles: [], labels: [], tokens: [(text) => /[A-Z0-9]{17}/.test(text)], threshold: 1 },
};
const DOCUMENTS = [MAIN, SUB, VIN];

const score = (texts: string[]) =>
  scoreSignatures(new PageLayout(page(texts.map((t, i) => line(t, 40, 40 + i * 50, 20 * t.length, 30)))), DOCUMENTS);

describe(scoreSignatures.name, () => {
  it('counts 2 for a title, 1 per label and per token', () => {
    expect(score(['中华人民共和国机动车驾驶证', '准驾车型C1', '初次领证日期2010-01-01'])).toEqual([
      {
        cardType: 5,
        points: 4,
        holds: true,
        proof: true,
        titled: true,
        cues: ['机动车驾驶证', '准驾车型', '初次领证日期'],
      },
      { cardType: 28, points: 0, holds: false, proof: false, titled: false, cues: [] },
      { cardType: 1100, points: 0, holds: false, proof: false, titled: false, cues: [] },
    ]);
  });

  it('counts a title only where it ends its word, and a title found approximately under an exact one not at all', () => {
    const passport: Classifiable = { cardType: 13, signature: { titles: ['护照'], labels: [] } };
    const idBack: Classifiable = { cardType: 3, signature: { titles: ['居民身份证'], labels: [] } };
    const foreign: Classifiable = { cardType: 33, signature: { titles: ['外国人永久居留身份证'], labels: [] } };
    const titled = (texts: string[], documents: Classifiable[]) =>
      scoreSignatures(new PageLayout(page(texts.map((t, i) => line(t, 40, 40 + i * 50, 20 * t.length, 30)))), documents)
        .filter((s) => s.titled)
        .map((s) => s.cardType);
    expect(titled(['护照号/PassportNo.'], [passport])).toEqual([]);
    expect(titled(['中华人民共和国护照'], [passport])).toEqual([13]);
    expect(titled(['公民身份证件编号'], [idBack])).toEqual([]);
    expect(titled(['中华人民共和国外国人永久居留身份证'], [idBack, foreign])).toEqual([33]);
    expect(titled(['中华人民共和国居民身份证'], [idBack, foreign])).toEqual([3]);
  });

  it('gives a title printed inside a longer title only to the longer one', () => {
    const [main, sub] = score(['中华人民共和国机动车驾驶证副页', '档案编号540132612074']);
    expect(main.points).toBe(0);
    expect(sub).toEqual({
      cardType: 28,
      points: 3,
      holds: true,
      proof: true,
      titled: true,
      cues: ['机动车驾驶证副页', '档案编号'],
    });
  });

  it('takes labels alone as proof only for a signature without title and token', () => {
    const labelsOnly: Classifiable = { cardType: 30, signature: { titles: [], labels: ['核定载人数'] } };
    const [main, , , sub] = scoreSignatures(
      new PageLayout(page([line('准驾车型C1', 40, 40, 200, 30), line('核定载人数5人', 40, 90, 260, 30)])),
      [...DOCUMENTS, labelsOnly],
    );
    expect(main).toMatchObject({ points: 1, proof: false });
    expect(sub).toMatchObject({ points: 1, proof: true });
  });

  it('accepts a title with one wrong character in four', () => {
    expect(score(['中华人民共和国机动车驾驰证'])[0].cues).toEqual(['机动车驾驶证']);
  });

  describe('shared labels and layout cues', () => {
    const CARD: Classifiable = {
      cardType: 2,
      signature: {
        titles: [],
        labels: ['民族'],
        layout: [{ row: ['性别', '民族'] }, { label: '有效期限', value: /^\d{8}-\d{8}$/ }],
        sharedLabels: ['姓名', '性别'],
        threshold: 2,
      },
    };
    const scoreCard = (lines: ReturnType<typeof line>[]) => scoreSignatures(new PageLayout(page(lines)), [CARD])[0];

    it('counts shared labels only beside an own cue', () => {
      expect(scoreCard([line('姓名王芳', 40, 40, 200, 30), line('性别女', 40, 90, 120, 30)]).points).toBe(0);
      expect(
        scoreCard([
          line('姓名王芳', 40, 40, 200, 30),
          line('性别女', 40, 90, 120, 30),
          line('民族汉', 300, 90, 120, 30),
        ]),
      ).toMatchObject({ points: 4, holds: true, cues: ['民族', 'layout#0', '姓名', '性别'] });
    });

    it('scores nothing where a layout cue the document never shows is on the page (a veto)', () => {
      const vetoed: Classifiable = {
        ...CARD,
        signature: { ...CARD.signature, vetoes: [{ column: ['住址', '签发机关', '公民身份号码'] }] },
      };
      const lines = (issuerX: number) => [
        line('性别男', 40, 40, 120, 30),
        line('民族汉', 300, 40, 120, 30),
        line('住址南宁市青秀区民族大道1号', 40, 90, 500, 30),
        line('签发机关南宁市公安局', issuerX, 140, 400, 30),
        line('公民身份号码450103681213631', 40, 190, 500, 30),
      ];
      expect(scoreSignatures(new PageLayout(page(lines(40))), [vetoed])[0]).toMatchObject({
        points: 0,
        holds: false,
        cues: ['veto'],
      });
      // Out of the column (another face beside it), the veto does not show.
      expect(scoreSignatures(new PageLayout(page(lines(600))), [vetoed])[0]).toMatchObject({ points: 3, holds: true });
    });

    it('counts a label followed by a value in the document own print', () => {
      expect(scoreCard([line('有效期限20150307-20350307', 40, 40, 500, 30)]).cues).toEqual(['layout#1']);
      expect(scoreCard([line('有效期限2015-03-07至2035-03-07', 40, 40, 500, 30)]).cues).toEqual([]);
    });
  });
});

describe(classify.name, () => {
  const s = (cardType: number, points: number, holds = points >= 3, proof = points > 0, titled = false) => ({
    cardType,
    points,
    holds,
    proof,
    titled,
    cues: [],
  });

  it('lets a holding document whose title shows outrank a candidate whose title does not, whatever the points', () => {
    expect(classify([s(2, 6), s(31, 5, true, true, true)], [2], 10)).toMatchObject({ errorCode: 215308 });
    expect(classify([s(2, 6, true, true, true), s(31, 5, true, true, true)], [2], 10)).toEqual({
      status: 'read',
      cardType: 2,
    });
    expect(classify([s(31, 5, true, true, true), s(2, 6)], [31], 10)).toEqual({ status: 'read', cardType: 31 });
  });

  it('reads the asked type when its signature holds', () => {
    expect(classify([s(5, 4), s(28, 0)], [5], 10)).toEqual({ status: 'read', cardType: 5 });
  });

  it('answers 215308 when another document holds and the asked one does not', () => {
    expect(classify([s(5, 0), s(28, 4)], [5], 10)).toEqual({
      status: 'failed',
      errorCode: 215308,
      detail: 'the image shows cardType 28',
    });
  });

  it('answers 215308 when another document beats the asked one by the margin', () => {
    expect(classify([s(1100, 1, true), s(6, 9)], [1100], 10)).toMatchObject({ errorCode: 215308 });
    expect(classify([s(1100, 2, true), s(6, 3)], [1100], 10)).toEqual({ status: 'read', cardType: 1100 });
  });

  it('answers 215308 for legible text with no cue of the asked document, 215305 for an illegible page', () => {
    expect(classify([s(5, 0)], [5], 6)).toMatchObject({ errorCode: 215308 });
    expect(classify([s(5, 0)], [5], 1)).toMatchObject({ errorCode: 215305 });
    expect(classify([s(5, 2)], [5], 6)).toMatchObject({ errorCode: 215305 });
  });

  it('reads a side whose other side (a companion) outranks it on the same page', () => {
    expect(classify([s(3, 4), s(2, 9)], [3], 10, { 3: [2] })).toEqual({ status: 'read', cardType: 3 });
    expect(classify([s(3, 4), s(2, 9)], [3], 10)).toMatchObject({ errorCode: 215308 });
    expect(classify([s(3, 1), s(2, 9)], [3], 10, { 3: [2] })).toMatchObject({ errorCode: 215308 });
  });

  it('answers 215308 for legible text where the candidate shows shared labels only', () => {
    expect(classify([s(3, 2, false, false)], [3], 6)).toMatchObject({ errorCode: 215308 });
    expect(classify([s(3, 2, false, false)], [3], 2)).toMatchObject({ errorCode: 215305 });
  });

  it('reads the best holding candidate of a composite', () => {
    expect(classify([s(5, 3), s(28, 5), s(6, 0)], [5, 28], 10)).toEqual({ status: 'read', cardType: 28 });
    expect(classify([s(5, 0), s(28, 0), s(6, 6)], [5, 28], 10)).toMatchObject({ errorCode: 215308 });
  });
});

describe(anotherDocument.name, () => {
  const s = (cardType: number, points: number, holds = points >= 3, titled = false) => ({
    cardType,
    points,
    holds,
    proof: points > 0,
    titled,
    cues: [],
  });

  it('names a holding document whose title shows when no candidate title does', () => {
    expect(anotherDocument([s(2, 6), s(31, 5, true, true)], [2])?.cardType).toBe(31);
    expect(anotherDocument([s(3, 4, true, true), s(31, 5, true, true)], [3])).toBeUndefined();
  });

  it('names a holding document that beats the candidates by the margin', () => {
    expect(anotherDocument([s(2, 1), s(5, 5)], [2])?.cardType).toBe(5);
    expect(anotherDocument([s(2, 3), s(5, 4)], [2])).toBeUndefined();
  });

  it('names a holding document when the candidates show no cue at all', () => {
    expect(anotherDocument([s(2, 0), s(19, 1, true)], [2])?.cardType).toBe(19);
    expect(anotherDocument([s(2, 1), s(19, 1, true)], [2])).toBeUndefined();
  });

  it('names a document that holds on a cue of its own with more points when no candidate holds', () => {
    // A 港澳居民来往内地通行证 back (15: label and zone token) carries an HKID, one token of the 香港身份證 (1001).
    const back = { ...s(15, 2, true), proof: true };
    expect(anotherDocument([{ ...s(1001, 1), proof: true }, back], [1001])?.cardType).toBe(15);
    // Not when the candidate holds, shows as much, or the other document holds on shared labels only.
    expect(anotherDocument([s(1001, 3), { ...s(15, 4, true), proof: true }], [1001])).toBeUndefined();
    expect(anotherDocument([{ ...s(1001, 2, false), proof: true }, back], [1001])).toBeUndefined();
    expect(anotherDocument([s(1001, 1), { ...s(4, 2, true), proof: false }], [1001])).toBeUndefined();
  });

  it('refuses for a candidate without a signature by the margin only', () => {
    expect(anotherDocument([s(1100, 1, true)], [19])).toBeUndefined();
    expect(anotherDocument([s(6, 5)], [19])?.cardType).toBe(6);
  });

  it('compares a composite by its best candidate and never names a candidate', () => {
    expect(anotherDocument([s(2, 0), s(3, 4), s(6, 5)], [2, 3])).toBeUndefined();
    expect(anotherDocument([s(2, 5), s(3, 0)], [2, 3])).toBeUndefined();
  });
});
