import { rotateRgb } from './image-ops';
import { OcrEngine } from './ocr.engine';
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

  it('serves concurrent reads with the same result as sequential ones', async () => {
    const [a, b] = await Promise.all([engine.read(page), engine.read(rotateRgb(page, 180))]);
    expect(a.lines.map((l) => l.text)).toEqual(expectedText);
    expect(b.lines.map((l) => l.text)).toEqual(expectedText);
  });

  it('returns no lines and no rotation for a blank image', async () => {
    const blank = renderTextImage(320, 200, []);
    expect(await engine.read(blank)).toEqual({ width: 320, height: 200, rotation: 0, lines: [] });
  });
});
