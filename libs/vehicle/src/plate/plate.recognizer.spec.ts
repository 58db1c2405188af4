import type { OcrLine, OcrPage, Quad, Rotation, RgbImage } from '@zhengjian/ocr';
import type { RecognizerContext } from '@zhengjian/recognition';
import { PlateRecognizer, hasPlateNumber } from './plate.recognizer';

const quad = (left: number, top: number, right: number, bottom: number): Quad => [
  { x: left, y: top },
  { x: right, y: top },
  { x: right, y: bottom },
  { x: left, y: bottom },
];

/** A grey upright page with one rectangle painted `rgb`. */
function image(width: number, height: number, paint?: { rect: [number, number, number, number]; rgb: number[] }) {
  const data = Buffer.alloc(width * height * 3, 128);
  if (paint) {
    const [l, t, r, b] = paint.rect;
    for (let y = t; y < b; y++) for (let x = l; x < r; x++) data.set(paint.rgb, (y * width + x) * 3);
  }
  return { width, height, data };
}

/** The page's own pixels, and a region reader that answers `text` for every region (the OCR's part is not tested). */
function context(upright: RgbImage, text: string): RecognizerContext {
  return {
    uprightImage: () => upright,
    readRegions: (quads) => Promise.resolve(quads.map((box) => ({ text, score: 0.9, box }))),
  };
}

const page = (width: number, height: number, lines: OcrLine[], rotation: Rotation = 0): OcrPage => ({
  width,
  height,
  rotation,
  lines,
});

describe(PlateRecognizer.name, () => {
  const recognizer = new PlateRecognizer();

  it('reads a blue plate, its code, brightness and position in the uploaded image', async () => {
    const upright = image(400, 300, { rect: [100, 120, 300, 184], rgb: [12, 68, 178] });
    const lines = [{ text: '京A·12345', score: 0.95, box: quad(110, 130, 290, 174) }];
    const outcome = await recognizer.recognize(page(400, 300, lines), 19, context(upright, '京A·12345'));
    expect(outcome.status).toBe('recognized');
    if (outcome.status !== 'recognized') return;
    const values = Object.fromEntries(Object.entries(outcome.fields).map(([k, v]) => [k, v.value]));
    expect(values).toEqual({
      车牌号: '京A12345',
      车牌颜色: '1',
      车牌类型: '1',
      整牌可信度: '95',
      // Mean luma of the painted area grown by its margin (2 % across, 8 % up and down) over the grey around it.
      亮度评价: '75',
      车牌运动方向: '0',
      '车牌位置(left_top_right_bottom)': '96_115_304_189',
    });
  });

  it('gives the position in the uploaded image when the page was turned upright by 90°', async () => {
    // The upright 400×300 page is a 300×400 upload turned clockwise: upright (x, y) is upload (y, 400 − x).
    const upright = image(400, 300, { rect: [100, 120, 300, 184], rgb: [12, 68, 178] });
    const lines = [{ text: '京A·12345', score: 0.95, box: quad(110, 130, 290, 174) }];
    const outcome = await recognizer.recognize(page(400, 300, lines, 90), 19, context(upright, '京A·12345'));
    if (outcome.status !== 'recognized') throw new Error(outcome.detail);
    expect(outcome.fields['车牌位置(left_top_right_bottom)'].value).toBe('115_96_189_304');
  });

  it('returns 215308 for a page of document text with nothing plate-like', async () => {
    const lines = ['公民身份号码', '中华人民共和国', '居民身份证', '签发机关某市公安局'].map((text, i) => ({
      text,
      score: 0.99,
      box: quad(20, 20 + 40 * i, 300, 50 + 40 * i),
    }));
    const outcome = await recognizer.recognize(page(400, 300, lines), 19, context(image(400, 300), ''));
    expect(outcome).toMatchObject({ status: 'failed', errorCode: 215308 });
  });

  it('returns 215305 when a plate-like line does not pass GA 36', async () => {
    const lines = [{ text: 'AB·12345', score: 0.95, box: quad(110, 130, 290, 174) }];
    const outcome = await recognizer.recognize(page(400, 300, lines), 19, context(image(400, 300), 'AB·12345'));
    expect(outcome).toMatchObject({ status: 'failed', errorCode: 215305 });
  });

  it('returns 215308 for lines of document text around a plate-like line no GA 36 reading passes', async () => {
    const texts = ['中华人民共和国往来台湾通行证', '签发机关公安部出入境管理局', '出生地点陕西省西安市', 'AB·12345'];
    const lines = texts.map((text, i) => ({ text, score: 0.99, box: quad(20, 20 + 40 * i, 300, 50 + 40 * i) }));
    const outcome = await recognizer.recognize(page(400, 300, lines), 19, context(image(400, 300), 'AB·12345'));
    expect(outcome).toMatchObject({ status: 'failed', errorCode: 215308 });
  });
});

describe(hasPlateNumber.name, () => {
  it('finds a GA 36 number on a line, separator and spaces ignored', () => {
    expect(hasPlateNumber('号牌号码 京A·12345')).toBe(true);
    expect(hasPlateNumber('粤B D12345')).toBe(true);
    expect(hasPlateNumber('使123456')).toBe(true);
  });

  it('finds none in text that only looks close', () => {
    expect(hasPlateNumber('京AI2345')).toBe(false);
    expect(hasPlateNumber('AB12345')).toBe(false);
    expect(hasPlateNumber('京\nA12345')).toBe(false);
  });
});
