import { convexHull, homography, minAreaRect, orderCorners, polygonArea, rectCorners, unclipRect } from './geometry';
import type { Point } from './ocr.types';

const grid = (x0: number, y0: number, w: number, h: number): Point[] => {
  const pts: Point[] = [];
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) pts.push({ x, y });
  return pts;
};

const round = (p: Point): Point => ({ x: Math.round(p.x * 1000) / 1000, y: Math.round(p.y * 1000) / 1000 });

describe('convexHull', () => {
  it('keeps only the corners of a filled rectangle of points', () => {
    const hull = convexHull(grid(2, 3, 5, 4));
    expect(hull).toHaveLength(4);
    expect(polygonArea(hull)).toBe(4 * 3);
  });
});

describe('minAreaRect', () => {
  it('fits an axis-aligned block of pixels by its centres', () => {
    const r = minAreaRect(grid(10, 20, 40, 10));
    expect([r.cx, r.cy]).toEqual([29.5, 24.5]);
    expect([Math.max(r.width, r.height), Math.min(r.width, r.height)]).toEqual([39, 9]);
  });

  it('finds a 45° rectangle exactly, smaller than its bounding box', () => {
    // Corners of a 10×4 rectangle rotated by 45° around (50, 50), plus interior points.
    const corners = rectCorners({ cx: 50, cy: 50, width: 10, height: 4, angle: Math.PI / 4 });
    const r = minAreaRect([...corners, { x: 50, y: 50 }, { x: 51, y: 51 }]);
    expect(round({ x: r.cx, y: r.cy })).toEqual({ x: 50, y: 50 });
    expect([Math.max(r.width, r.height), Math.min(r.width, r.height)].map((v) => Math.round(v * 1000) / 1000)).toEqual([
      10, 4,
    ]);
    expect(Math.round(r.width * r.height * 1000) / 1000).toBe(40);
  });

  it('gives a zero-size rectangle for a single point', () => {
    expect(minAreaRect([{ x: 3, y: 4 }])).toEqual({ cx: 3, cy: 4, width: 0, height: 0, angle: 0 });
  });
});

describe('unclipRect', () => {
  it('grows each side by area × ratio / perimeter (DB paper)', () => {
    // 10×2: D = 20 × 1.5 / 24 = 1.25, so 12.5 × 4.5.
    const grown = unclipRect({ cx: 5, cy: 1, width: 10, height: 2, angle: 0 }, 1.5);
    expect(grown).toEqual({ cx: 5, cy: 1, width: 12.5, height: 4.5, angle: 0 });
  });
});

describe('orderCorners', () => {
  it('returns top-left, top-right, bottom-right, bottom-left', () => {
    const q = orderCorners([
      { x: 10, y: 5 },
      { x: 0, y: 5 },
      { x: 0, y: 0 },
      { x: 10, y: 0 },
    ]);
    expect(q).toEqual([
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 5 },
      { x: 0, y: 5 },
    ]);
  });
});

describe('homography', () => {
  it('maps each source corner onto its destination', () => {
    const from = [
      { x: 0, y: 0 },
      { x: 100, y: 0 },
      { x: 100, y: 48 },
      { x: 0, y: 48 },
    ];
    const to = [
      { x: 12, y: 7 },
      { x: 300, y: 30 },
      { x: 290, y: 90 },
      { x: 5, y: 70 },
    ];
    const m = homography(from, to);
    const apply = (p: Point): Point => {
      const d = m[6] * p.x + m[7] * p.y + m[8];
      return round({ x: (m[0] * p.x + m[1] * p.y + m[2]) / d, y: (m[3] * p.x + m[4] * p.y + m[5]) / d });
    };
    expect(from.map(apply)).toEqual(to);
  });
});
