import { sealGlyphAngles, sealImage, turn } from '../../testing/seal-image';
import { findSealRing, sealCharacterQuads } from './seal-text';

describe('findSealRing', () => {
  it('finds the centre and radius of a red seal in the region, ignoring what is outside it', () => {
    const page = sealImage(600, 400, 380, 200, 100, [-Math.PI / 2]);
    const ring = findSealRing(page, { left: 200, top: 50, right: 600, bottom: 380 });
    expect(ring?.cx).toBeCloseTo(380, -1);
    expect(ring?.cy).toBeCloseTo(200, -1);
    expect(ring?.r).toBeCloseTo(100, -1);
  });

  it('finds none where the region holds no red', () => {
    const page = sealImage(600, 400, 380, 200, 100, []);
    expect(findSealRing(page, { left: 0, top: 0, right: 150, bottom: 150 })).toBeUndefined();
  });
});

describe('sealCharacterQuads', () => {
  it('places one quad per glyph, clockwise from the left, each with its top edge towards the rim', () => {
    const angles = sealGlyphAngles(10);
    const page = sealImage(500, 500, 250, 250, 150, angles);
    const quads = sealCharacterQuads(page, findSealRing(page, { left: 0, top: 0, right: 500, bottom: 500 })!);
    expect(quads).toHaveLength(10);
    const dist = (p: { x: number; y: number }) => Math.hypot(p.x - 250, p.y - 250);
    quads.forEach((q, i) => {
      const centre = { x: (q[0].x + q[2].x) / 2 - 250, y: (q[0].y + q[2].y) / 2 - 250 };
      expect(turn(Math.atan2(centre.y, centre.x) - angles[i])).toBeCloseTo(0, 1);
      // The top edge (corners 0–1) is farther from the centre than the bottom edge (corners 2–3).
      expect(dist(q[0]) + dist(q[1])).toBeGreaterThan(dist(q[2]) + dist(q[3]));
    });
  });

  it('returns no quad for a seal with no name on it', () => {
    const page = sealImage(400, 400, 200, 200, 120, []);
    expect(sealCharacterQuads(page, { cx: 200, cy: 200, r: 120 })).toEqual([]);
  });
});
