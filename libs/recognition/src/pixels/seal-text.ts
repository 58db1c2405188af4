import type { Quad, RgbImage } from '@zhengjian/ocr';

/** A pixel rectangle of an image (left/top inclusive, right/bottom exclusive). */
export interface PixelRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A round red seal found in an image: its centre and outer radius in pixels. */
export interface SealRing {
  cx: number;
  cy: number;
  r: number;
}

/** Longest side the search region is sampled at: a seal 100 px wide is enough to place its characters. */
const SAMPLE_SIDE = 360;
/** Fewest red samples that can be a seal (its ring alone is ~3·r samples). */
const MIN_RED = 150;

/**
 * Seal ink: red well above green and blue. Ratios rather than levels, so a dim or warm photo still passes; the
 * brown of a printed frame (G ≈ B ≈ R/2) does not.
 */
function isSealRed(r: number, g: number, b: number): boolean {
  return r >= 60 && Math.max(g, b) <= r * 0.42 && r - Math.max(g, b) >= 35;
}

/**
 * The round red seal in `region` of `image`: the red samples' extent with 2 % trimmed at each side (noise), kept
 * when it is round (aspect within 0.75–1.33). `undefined` when the region holds too little red.
 */
export function findSealRing(image: RgbImage, region: PixelRect): SealRing | undefined {
  const left = Math.max(0, Math.floor(region.left));
  const top = Math.max(0, Math.floor(region.top));
  const right = Math.min(image.width, Math.ceil(region.right));
  const bottom = Math.min(image.height, Math.ceil(region.bottom));
  if (right - left < 20 || bottom - top < 20) return undefined;
  const step = Math.max(1, Math.ceil(Math.max(right - left, bottom - top) / SAMPLE_SIDE));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = top; y < bottom; y += step) {
    for (let x = left; x < right; x += step) {
      const i = (y * image.width + x) * 3;
      if (isSealRed(image.data[i], image.data[i + 1], image.data[i + 2])) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  if (xs.length < MIN_RED) return undefined;
  const trimmed = (v: number[]) => {
    const s = [...v].sort((a, b) => a - b);
    return [s[Math.floor(s.length * 0.02)], s[Math.ceil(s.length * 0.98) - 1]];
  };
  const [x0, x1] = trimmed(xs);
  const [y0, y1] = trimmed(ys);
  const w = x1 - x0;
  const h = y1 - y0;
  if (w < 20 || h < 20 || w / h < 0.75 || w / h > 1.33) return undefined;
  return { cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, r: (w + h) / 4 };
}

/**
 * Where the characters set along a round seal's arc are (Chinese official seals: the name runs clockwise, each
 * character upright towards the rim): one quad per character, in reading order, each turned so that its top edge
 * faces the rim, for a line recognizer to read one glyph at a time (a detector finds no line on an arc).
 * Characters are found as the runs of red ink between the star and the ring, split at the gaps of the angular
 * profile; a run wider than one glyph (touching glyphs) is split evenly. Reading starts after the widest empty
 * angle (the seal's foot). Quads are in `image` pixels, corners clockwise from top-left.
 */
export function sealCharacterQuads(image: RgbImage, ring: SealRing): Quad[] {
  const { cx, cy, r } = ring;
  const step = Math.max(1, Math.floor(r / 120));
  const BINS = 360;
  const profile = new Array<number>(BINS).fill(0);
  const radii: number[] = [];
  const x0 = Math.max(0, Math.floor(cx - r));
  const x1 = Math.min(image.width, Math.ceil(cx + r));
  const y0 = Math.max(0, Math.floor(cy - r));
  const y1 = Math.min(image.height, Math.ceil(cy + r));
  // Thin glyph strokes come out paler than the ring in a photo: ink is told from paper by a threshold between the
  // paper's redness (the median sample of the annulus, mostly paper) and the ink's (its 97th percentile).
  const samples: { a: number; d: number; red: number }[] = [];
  for (let y = y0; y < y1; y += step) {
    for (let x = x0; x < x1; x += step) {
      const d = Math.hypot(x - cx, y - cy);
      // Between the star (within ~0.35 r) and the ring (its stroke at ~0.95–1 r).
      if (d < 0.45 * r || d > 0.88 * r) continue;
      const i = (y * image.width + x) * 3;
      const red = image.data[i] - Math.max(image.data[i + 1], image.data[i + 2]);
      samples.push({ a: Math.atan2(y - cy, x - cx), d, red });
    }
  }
  const reds = samples.map((s) => s.red).sort((a, b) => a - b);
  const paper = reds[Math.floor(reds.length / 2)] ?? 0;
  const ink = reds[Math.floor(reds.length * 0.97)] ?? 0;
  if (ink - paper < 25) return [];
  const threshold = paper + 0.4 * (ink - paper);
  for (const { a, d, red } of samples) {
    if (red < threshold) continue;
    profile[Math.floor(((a + Math.PI) / (2 * Math.PI)) * BINS) % BINS]++;
    radii.push(d);
  }
  if (radii.length < 30) return [];
  radii.sort((a, b) => a - b);
  const inner = radii[Math.floor(radii.length * 0.05)];
  const outer = radii[Math.ceil(radii.length * 0.95) - 1];
  const rText = (inner + outer) / 2;
  const glyph = Math.max(outer - inner, 0.12 * r);
  const glyphBins = (glyph / rText / (2 * Math.PI)) * BINS;
  const smooth = profile.map((_, i) => (profile[(i + BINS - 1) % BINS] + 2 * profile[i] + profile[(i + 1) % BINS]) / 4);
  const peak = Math.max(...smooth);
  const inked = smooth.map((v) => v > peak * 0.08);
  // Start after the widest empty stretch (the foot of the seal, where no name is set).
  let bestStart = 0;
  let bestLength = -1;
  for (let i = 0; i < BINS; i++) {
    if (inked[i] || !inked[(i + BINS - 1) % BINS]) continue;
    let n = 0;
    while (n < BINS && !inked[(i + n) % BINS]) n++;
    if (n > bestLength) [bestStart, bestLength] = [i, n];
  }
  if (bestLength < 0) return [];
  const runs: [number, number][] = [];
  for (let k = bestLength; k < BINS; k++) {
    const i = (bestStart + k) % BINS;
    if (!inked[i]) continue;
    let n = 0;
    while (k + n < BINS && inked[(bestStart + k + n) % BINS]) n++;
    runs.push([k, n]);
    k += n;
  }
  const centres: { at: number; width: number }[] = [];
  for (const [k, n] of runs) {
    if (n < glyphBins * 0.25) continue; // a speck of ink, not a glyph
    const count = Math.max(1, Math.round(n / glyphBins));
    for (let j = 0; j < count; j++) centres.push({ at: bestStart + k + ((j + 0.5) * n) / count, width: n / count });
  }
  return centres.map(({ at, width }) => {
    const a = (at / BINS) * 2 * Math.PI - Math.PI;
    const half = (Math.max(width, glyphBins) / BINS) * Math.PI * rText * 1.15;
    const up = (glyph / 2) * 1.3;
    const c = { x: cx + rText * Math.cos(a), y: cy + rText * Math.sin(a) };
    const u = { x: Math.cos(a), y: Math.sin(a) };
    const t = { x: -Math.sin(a), y: Math.cos(a) };
    const at2 = (s: number, v: number) => ({ x: c.x + t.x * s + u.x * v, y: c.y + t.y * s + u.y * v });
    return [at2(-half, up), at2(half, up), at2(half, -up), at2(-half, -up)] as Quad;
  });
}
