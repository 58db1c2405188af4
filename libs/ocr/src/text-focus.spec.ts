import type { DetectedBox } from './db-postprocess';
import type { RgbImage } from './ocr.types';
import { offsetBoxes, textFocus } from './text-focus';

const image = (width: number, height: number): RgbImage => ({ width, height, data: Buffer.alloc(width * height * 3) });
const box = (l: number, t: number, r: number, b: number): DetectedBox => ({
  score: 0.9,
  box: [
    { x: l, y: t },
    { x: r, y: t },
    { x: r, y: b },
    { x: l, y: b },
  ],
});

describe(textFocus.name, () => {
  it('returns the text region with a 25% margin when zooming in raises the resolution enough', () => {
    const focus = textFocus(image(4000, 3000), [box(1500, 1200, 2300, 1300), box(1500, 1600, 2400, 1700)], 960);
    expect(focus).toEqual({ left: 1267, top: 1067, width: 1366, height: 766 });
  });

  it('does not zoom when the image already fits the detector or the text fills the frame', () => {
    expect(textFocus(image(960, 600), [box(10, 10, 100, 40)], 960)).toBeUndefined();
    expect(textFocus(image(4000, 3000), [box(100, 100, 3900, 200), box(100, 2800, 3900, 2900)], 960)).toBeUndefined();
    expect(textFocus(image(4000, 3000), [], 960)).toBeUndefined();
  });
});

describe(offsetBoxes.name, () => {
  it('maps boxes found in a crop back to the frame of the whole image', () => {
    expect(offsetBoxes([box(0, 0, 1, 1)], { left: 1, top: 1, width: 2, height: 2 })[0].box[2]).toEqual({ x: 2, y: 2 });
  });
});
