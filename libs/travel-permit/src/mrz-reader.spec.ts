import type { OcrLine, OcrPage, Quad, RgbImage } from '@zhengjian/ocr';
import { readMrz, type RegionRecognizer } from './mrz-reader';

const box = (x: number, y: number, w: number, h: number): Quad => [
  { x, y },
  { x: x + w, y },
  { x: x + w, y: y + h },
  { x, y: y + h },
];
const line = (text: string, y: number): OcrLine => ({ text, score: 0.9, box: box(40, y, 660, 20) });
const page = (lines: OcrLine[]): OcrPage => ({ width: 800, height: 600, rotation: 0, lines });
const image: RgbImage = { width: 800, height: 600, data: Buffer.alloc(800 * 600 * 3) };

/** A second pass that answers, per line, its whole reading then its three pieces (the order `readMrz` asks in). */
const secondPass = (perLine: string[][]): RegionRecognizer => ({
  readRegions: (_image, _page, quads) =>
    Promise.resolve(quads.map((_, i) => ({ text: perLine.flat()[i], score: 0.9 }))),
});

// An invented booklet permit zone (TD3 layout, ICAO 7-3-1 check digits).
const LINE1 = 'CDCHNZHAO<<MIN<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<';
const LINE2 = 'T296617569CHN8110147F2004253<<<<<<<<<<<<<<<2';

describe(readMrz.name, () => {
  it('takes a name line from pieces read at their cells’ count over a first-pass line read characters short', async () => {
    const read = await readMrz(page([line('DNHA<<MN<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<', 500), line(LINE2, 540)]), {
      engine: secondPass([
        ['<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<', 'CDCHNZHAO<<MIN<', '<<<<', ''],
        [LINE2, 'T296617569CHN81', '10147F2004253<', '<<<<<<<<<<<<<<2'],
      ]),
      image,
      referenceDate: new Date('2026-11-29'),
    });
    expect(read?.lines).toEqual([LINE1, LINE2]);
  });

  it('mixes the pieces with the tail of a whole-line reading when a piece lost its check digit', async () => {
    const lost = 'T296617569HN8110147F2004253<<<<<<<<<<<<<<<2';
    const read = await readMrz(page([line(LINE1, 500), line(lost, 540)]), {
      engine: secondPass([
        [LINE1, 'CDCHNZHAO<<MIN<', '<<<<<<<<<<<<<<', '<<<<<<<<<<<<<<<'],
        [lost, 'T296617569CHN81', '10147F2004253<', '<<<<<<<<<<<<<<'],
      ]),
      image,
      referenceDate: new Date('2026-11-29'),
    });
    expect(read?.lines).toEqual([LINE1, LINE2]);
    expect(read?.valid).toBe(true);
  });
});
