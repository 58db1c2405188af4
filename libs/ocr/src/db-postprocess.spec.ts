import { dbPostprocess } from './db-postprocess';

/** A probability map with filled rectangles of given probability. */
function probMap(
  w: number,
  h: number,
  blocks: { x: number; y: number; w: number; h: number; p: number }[],
): Float32Array {
  const m = new Float32Array(w * h);
  for (const b of blocks)
    for (let y = b.y; y < b.y + b.h; y++) for (let x = b.x; x < b.x + b.w; x++) m[y * w + x] = b.p;
  return m;
}

describe('dbPostprocess', () => {
  it('turns a confident block into its unclipped box', () => {
    // Pixel centres 10..49 × 20..29 → 39 × 9 rect; D = 39·9·1.5 / 96 = 5.484 → corners at 29.5 ± 24.98, 24.5 ± 9.98.
    const boxes = dbPostprocess(probMap(100, 60, [{ x: 10, y: 20, w: 40, h: 10, p: 0.9 }]), 100, 60, 100, 60);
    expect(boxes).toHaveLength(1);
    expect(boxes[0].box).toEqual([
      { x: 5, y: 15 },
      { x: 54, y: 15 },
      { x: 54, y: 34 },
      { x: 5, y: 34 },
    ]);
    expect(boxes[0].score).toBeCloseTo(0.9, 5);
  });

  it('scales boxes from the probability map to the destination image', () => {
    const boxes = dbPostprocess(probMap(100, 60, [{ x: 10, y: 20, w: 40, h: 10, p: 0.9 }]), 100, 60, 200, 120);
    expect(boxes[0].box).toEqual([
      { x: 9, y: 29 },
      { x: 109, y: 29 },
      { x: 109, y: 69 },
      { x: 9, y: 69 },
    ]);
  });

  it('drops low-scoring and tiny components and keeps separate ones apart', () => {
    const boxes = dbPostprocess(
      probMap(100, 60, [
        { x: 5, y: 5, w: 30, h: 8, p: 0.5 }, // above the 0.3 bitmap threshold, below the 0.6 box threshold
        { x: 50, y: 5, w: 2, h: 2, p: 0.99 }, // shorter side < 3
        { x: 10, y: 30, w: 30, h: 8, p: 0.8 },
        { x: 60, y: 30, w: 30, h: 8, p: 0.8 },
      ]),
      100,
      60,
      100,
      60,
    );
    expect(boxes.map((b) => b.box[0].x).sort((a, b) => a - b)).toEqual([6, 56]);
  });
});
