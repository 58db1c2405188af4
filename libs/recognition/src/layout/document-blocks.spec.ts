import type { OcrLine, OcrPage } from '@zhengjian/ocr';
import { documentBlocks } from './document-blocks';

/** A line of height 20 px whose box spans x0..x1 at top y. */
const line = (text: string, x0: number, y: number, x1 = x0 + 200): OcrLine => ({
  text,
  score: 0.9,
  box: [
    { x: x0, y },
    { x: x1, y },
    { x: x1, y: y + 20 },
    { x: x0, y: y + 20 },
  ],
});
const page = (lines: OcrLine[]): OcrPage => ({ width: 1240, height: 1754, rotation: 0, lines });
const texts = (pages: OcrPage[]) => pages.map((p) => p.lines.map((l) => l.text));

describe('documentBlocks', () => {
  // An ID card front: rows 10–25 px apart, the number 60 px below the address (3 line heights).
  const front = [line('姓名', 100, 100), line('性别', 100, 135), line('出生', 100, 170), line('住址', 100, 205)];
  const frontNumber = line('公民身份号码', 100, 285);

  it('keeps one document whole: gaps of a few line heights do not cut it', () => {
    const p = page([...front, frontNumber]);
    expect(documentBlocks(p)).toEqual([p]);
  });

  it('cuts two documents stacked on a sheet, each block in reading order', () => {
    const back = [line('中华人民共和国', 100, 600), line('签发机关', 100, 700), line('有效期限', 100, 735)];
    const blocks = documentBlocks(page([...front, frontNumber, ...back]));
    expect(texts(blocks)).toEqual([
      ['姓名', '性别', '出生', '住址', '公民身份号码'],
      ['中华人民共和国', '签发机关', '有效期限'],
    ]);
    expect(blocks.every((b) => b.width === 1240 && b.height === 1754 && b.rotation === 0)).toBe(true);
  });

  it('cuts two documents side by side, left first', () => {
    const right = [line('签发机关', 700, 100), line('有效期限', 700, 135), line('中华人民共和国', 700, 170)];
    expect(texts(documentBlocks(page([...front, ...right])))).toEqual([
      ['姓名', '性别', '出生', '住址'],
      ['签发机关', '有效期限', '中华人民共和国'],
    ]);
  });

  it('does not cut off a block of fewer than three lines (a title, a lone number)', () => {
    const p = page([...front, line('公民身份号码', 100, 800)]);
    expect(documentBlocks(p)).toEqual([p]);
    expect(texts(documentBlocks(p, { minLines: 1 }))).toEqual([['姓名', '性别', '出生', '住址'], ['公民身份号码']]);
  });

  it('answers the page itself for an empty page', () => {
    const p = page([]);
    expect(documentBlocks(p)).toEqual([p]);
  });
});
