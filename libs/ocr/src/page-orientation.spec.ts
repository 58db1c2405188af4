import type { Quad } from './ocr.types';
import { flipQuad, isQuarterTurned, orientationProbes, upsideDownVote } from './page-orientation';

const box = (x: number, y: number, w: number, h: number): Quad => [
  { x, y },
  { x: x + w, y },
  { x: x + w, y: y + h },
  { x, y: y + h },
];

describe('isQuarterTurned', () => {
  it('is false when most line length runs horizontally', () => {
    expect(isQuarterTurned([box(0, 0, 300, 30), box(0, 50, 200, 30), box(500, 0, 20, 100)])).toBe(false);
  });

  it('is true when most line length runs vertically, ignoring square boxes', () => {
    expect(isQuarterTurned([box(0, 0, 30, 300), box(50, 0, 30, 200), box(100, 0, 60, 60), box(0, 400, 100, 20)])).toBe(
      true,
    );
  });
});

describe('orientationProbes', () => {
  it('picks the largest horizontal lines first', () => {
    const lines = [box(0, 0, 100, 30), box(0, 40, 400, 30), box(0, 80, 30, 300), box(0, 500, 200, 30)];
    expect(orientationProbes(lines, 2)).toEqual([lines[1], lines[3]]);
  });
});

describe('upsideDownVote', () => {
  it('weighs each line by its width', () => {
    expect(upsideDownVote([1, 0], [300, 100])).toBe(0.5);
    expect(upsideDownVote([], [])).toBe(0);
  });
});

describe('flipQuad', () => {
  it('starts the quad at the opposite corner', () => {
    expect(flipQuad(box(0, 0, 10, 5))).toEqual([
      { x: 10, y: 5 },
      { x: 0, y: 5 },
      { x: 0, y: 0 },
      { x: 10, y: 0 },
    ]);
  });
});
