import type { OcrLine, OcrPage, Quad } from '@zhengjian/ocr';
import { findMrzCandidates } from './mrz-locate';

const box = (x: number, y: number, w: number, h: number): Quad => [
  { x, y },
  { x: x + w, y },
  { x: x + w, y: y + h },
  { x, y: y + h },
];
const line = (text: string, x: number, y: number, w: number, h = 20): OcrLine => ({
  text,
  score: 0.95,
  box: box(x, y, w, h),
});
const page = (lines: OcrLine[]): OcrPage => ({ width: 800, height: 600, rotation: 0, lines });

describe(findMrzCandidates.name, () => {
  it('finds a TD3 zone under other text, spaces and filler glyphs normalised, a short filler run refilled', () => {
    const result = findMrzCandidates(
      page([
        line('Passport / Passeport', 40, 100, 300),
        line('P<UTO ERIKSSON<<ANNA<MARIA«<<<<<<<<<<<<<<', 40, 500, 660),
        line('L898902C36UTO7408122F1204159ZE184226B<<<<<10', 40, 540, 662),
      ]),
    );
    expect(result.map((c) => c.lines)).toEqual([
      ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
    ]);
  });

  it('joins a line split into two boxes on the same row', () => {
    const result = findMrzCandidates(
      page([
        line('I<UTOD231458907<<<<<<<<<<<<<<<', 40, 400, 450),
        line('7408122F1204159', 40, 440, 225),
        line('UTO<<<<<<<<<<<6', 270, 441, 225),
        line('ERIKSSON<<ANNA<MARIA<<<<<<<<<<', 40, 480, 450),
      ]),
    );
    expect(result[0].lines).toEqual([
      'I<UTOD231458907<<<<<<<<<<<<<<<',
      '7408122F1204159UTO<<<<<<<<<<<6',
      'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
    ]);
  });

  it('tries a keystoned 2 × 44 zone whose filler runs lost their ends as 2 × 44, its boxes reaching the end', () => {
    // Read 27 and 39 characters (the lengths nearest are 30 and 36), 15 px per character.
    const result = findMrzCandidates(
      page([
        line('CSCHNLIN<<JUNHUI<<<<<<<<<<<', 40, 500, 405),
        line('W287177051CHN0906065F1611173<<<<<<<<<<<', 40, 540, 585),
      ]),
    );
    const td3 = result.find((c) => c.lines[0].length === 44);
    expect(td3?.lines).toEqual([
      'CSCHNLIN<<JUNHUI<<<<<<<<<<<<<<<<<<<<<<<<<<<<',
      'W287177051CHN0906065F1611173<<<<<<<<<<<<<<<<',
    ]);
    expect(td3?.boxes.map((b) => b[1].x)).toEqual([40 + 44 * 15, 40 + 44 * 15]);
  });

  it('takes a lone CS line, and nothing from pages without a zone', () => {
    expect(findMrzCandidates(page([line('CSC012345672<3405053<9502127<4', 40, 300, 450)]))[0].lines).toEqual([
      'CSC012345672<3405053<9502127<4',
    ]);
    expect(
      findMrzCandidates(page([line('姓名张伟明', 40, 100, 200), line('IDENTITY CARD 2020', 40, 200, 300)])),
    ).toEqual([]);
  });
});
