import sharp from 'sharp';
import { quadBounds, quadToSourceFrame, rotateRgb } from './image-ops';
import { OcrEngine } from './ocr.engine';
import { pageQuadToSource } from './page-warp';
import type { RgbImage, Rotation } from './ocr.types';
import { renderTextImage, SAMPLE_LINES } from './testing/text-image';

// Loading three models and the first inferences take a few seconds on 2 cores.
jest.setTimeout(120_000);

describe(OcrEngine.name, () => {
  let engine: OcrEngine;
  let page: RgbImage;
  const expectedText = SAMPLE_LINES.map((l) => l.text);

  beforeAll(async () => {
    engine = await OcrEngine.create({ threads: 2 });
    page = renderTextImage(1000, 640, SAMPLE_LINES);
  });

  it('reads every line of an upright page exactly, in reading order', async () => {
    const result = await engine.read(page);
    expect(result).toMatchObject({ width: 1000, height: 640, rotation: 0 });
    expect(result.lines.map((l) => l.text)).toEqual(expectedText);
    for (const line of result.lines) expect(line.score).toBeGreaterThan(0.9);
  });

  it('boxes each line where it was drawn', async () => {
    const result = await engine.read(page);
    const idLine = result.lines.find((l) => l.text.startsWith('公民身份号码'));
    // Drawn at x = 60 with its baseline at y = 330 in a 36 px font.
    const [tl, , br] = idLine!.box;
    expect(Math.abs(tl.x - 60)).toBeLessThan(10);
    expect(tl.y).toBeGreaterThan(330 - 40);
    expect(br.y).toBeLessThan(330 + 14);
  });

  it.each([
    [90, 270],
    [180, 180],
    [270, 90],
  ] as const)(
    'reads a page turned %i° without EXIF and reports rotation %i',
    async (turn: Rotation, rotation: Rotation) => {
      const result = await engine.read(rotateRgb(page, turn));
      expect(result.rotation).toBe(rotation);
      expect([result.width, result.height]).toEqual([1000, 640]);
      expect(result.lines.map((l) => l.text)).toEqual(expectedText);
    },
  );

  it('maps a box of a turned page back onto the uploaded image', async () => {
    // Turning the page 90° clockwise sends upright (x, y) to (640 − y, x): the name line, upright around
    // x 60–230, y 52–85, sits at x 555–588, y 60–230 in the uploaded image.
    const result = await engine.read(rotateRgb(page, 90));
    const name = result.lines[0];
    const inSource = quadToSourceFrame(name.box, result.rotation, result.width, result.height);
    const r = quadBounds(inSource, 640, 1000);
    expect(Math.abs(r.left - 555)).toBeLessThan(8);
    expect(Math.abs(r.left + r.width - 588)).toBeLessThan(8);
    expect(Math.abs(r.top - 60)).toBeLessThan(8);
    expect(Math.abs(r.top + r.height - 230)).toBeLessThan(8);
    // The first point stays the top-left of the text as read: in the uploaded image that is the top-right corner.
    expect(inSource[0].x).toBeGreaterThan(inSource[3].x);
  });

  it('reads a page slanted 25° on a deskewed page, boxes mapping back onto the slanted text', async () => {
    const { data, info } = await sharp(page.data, { raw: { width: 1000, height: 640, channels: 3 } })
      .rotate(-25, { background: '#ffffff' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const slanted: RgbImage = { width: info.width, height: info.height, data };
    const result = await engine.read(slanted);
    expect(result.rotation).toBe(0);
    expect(result.warp).toMatchObject({ sourceWidth: info.width, sourceHeight: info.height });
    expect(result.lines.map((l) => l.text)).toEqual(expectedText);
    // libvips turns about the centre: upright (x, y) lands at R(−25°)·((x, y) − (500, 320)) + the new centre.
    const [c, s] = [Math.cos((-25 * Math.PI) / 180), Math.sin((-25 * Math.PI) / 180)];
    const slant = (x: number, y: number) => ({
      x: c * (x - 500) - s * (y - 320) + info.width / 2,
      y: s * (x - 500) + c * (y - 320) + info.height / 2,
    });
    const id = result.lines.find((l) => l.text.startsWith('公民身份号码'))!;
    const [tl, , , bl] = pageQuadToSource(id.box, result);
    // The line is drawn from x = 60 with its baseline at y = 330 in a 36 px font: its left edge runs from about
    // (60, 300) to (60, 338) before the turn.
    const [top, bottom] = [slant(60, 300), slant(60, 338)];
    expect(Math.hypot(tl.x - top.x, tl.y - top.y)).toBeLessThan(12);
    expect(Math.hypot(bl.x - bottom.x, bl.y - bottom.y)).toBeLessThan(12);
    const [again] = await engine.readRegions(slanted, result, [id.box], { minScore: 0 });
    expect(again.text).toBe('公民身份号码110105198807161234');
  });

  it('serves concurrent reads with the same result as sequential ones', async () => {
    const [a, b] = await Promise.all([engine.read(page), engine.read(rotateRgb(page, 180))]);
    expect(a.lines.map((l) => l.text)).toEqual(expectedText);
    expect(b.lines.map((l) => l.text)).toEqual(expectedText);
  });

  it('recognises given regions of a page without detection, in the order given', async () => {
    const result = await engine.read(page);
    const id = result.lines.find((l) => l.text.startsWith('公民身份号码'))!;
    const title = result.lines.find((l) => l.text === '中华人民共和国居民身份证')!;
    const regions = await engine.readRegions(page, result, [title.box, id.box], { minScore: 0 });
    expect(regions.map((r) => r.text)).toEqual(['中华人民共和国居民身份证', '公民身份号码110105198807161234']);
  });

  it('returns no lines and no rotation for a blank image', async () => {
    const blank = renderTextImage(320, 200, []);
    expect(await engine.read(blank)).toEqual({ width: 320, height: 200, rotation: 0, lines: [], illegibleLines: 0 });
  });

  it('reads given regions as single lines without detection, upscaling a small one', async () => {
    const small = renderTextImage(120, 30, [{ text: '京A12345', x: 4, y: 23, size: 20 }]);
    const upright = { width: 120, height: 30, rotation: 0 as const };
    const [line, blank] = await engine.readRegions(
      small,
      upright,
      [
        [
          { x: 0, y: 0 },
          { x: 120, y: 0 },
          { x: 120, y: 30 },
          { x: 0, y: 30 },
        ],
        [
          { x: 110, y: 0 },
          { x: 120, y: 0 },
          { x: 120, y: 2 },
          { x: 110, y: 2 },
        ],
      ],
      { minScore: 0 },
    );
    expect(line.text).toBe('京A12345');
    expect(line.score).toBeGreaterThan(0.9);
    expect(blank.text).toBe('');
  });
});
