import type { Quad } from './ocr.types';
import { splitRowNeighbours } from './row-neighbours';

const rect = (l: number, t: number, r: number, b: number): Quad => [
  { x: l, y: t },
  { x: r, y: t },
  { x: r, y: b },
  { x: l, y: b },
];

describe(splitRowNeighbours.name, () => {
  it('moves two overlapping boxes of one row to the middle of their overlap', () => {
    const [label, value] = splitRowNeighbours([rect(190, 533, 343, 569), rect(323, 532, 792, 570)]);
    expect(label[1].x).toBe(333);
    expect(label[2].x).toBe(333);
    expect(value[0].x).toBe(333);
    expect(value[3].x).toBe(333);
    expect([label[0].x, value[1].x]).toEqual([190, 792]);
  });

  it('leaves boxes on different rows, boxes apart, and nested boxes alone', () => {
    const rows = [rect(0, 0, 100, 30), rect(90, 40, 300, 70)];
    const apart = [rect(0, 0, 100, 30), rect(120, 0, 300, 30)];
    const nested = [rect(0, 0, 300, 30), rect(50, 0, 100, 30)];
    for (const quads of [rows, apart, nested]) expect(splitRowNeighbours(quads)).toEqual(quads);
  });

  it('works along a tilted row', () => {
    const turn = (q: Quad, a: number): Quad =>
      q.map((p) => ({ x: p.x * Math.cos(a) - p.y * Math.sin(a), y: p.x * Math.sin(a) + p.y * Math.cos(a) })) as Quad;
    const a = (10 * Math.PI) / 180;
    const [left, right] = splitRowNeighbours([turn(rect(0, 0, 110, 30), a), turn(rect(100, 0, 300, 30), a)]);
    const back = (q: Quad) => turn(q, -a);
    expect(back(left)[1].x).toBeCloseTo(105, 6);
    expect(back(right)[0].x).toBeCloseTo(105, 6);
  });
});
