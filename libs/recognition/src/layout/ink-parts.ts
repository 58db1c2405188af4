import type { Point, Quad, RgbImage } from '@zhengjian/ocr';

/** Samples across a region's height; columns are as wide as they are tall. */
const ROWS = 16;
/** Luminance between the paper and the darkest ink under which a region holds no print (only paper and pattern). */
const MIN_CONTRAST = 48;
/** Runs of ink further apart than this, in line heights, are separate values (a value's own spaces are narrower). */
const MAX_GAP = 1.5;
/** Paper kept either side of a run of ink, in line heights: the recognition model reads a glyph cut tight poorly. */
const PADDING = 0.5;
/** More runs than this is texture (a guilloche, a stamp), not a value: the region is read as it is. */
const MAX_PARTS = 4;

/**
 * The parts of `region` (a quad of `image` [TL, TR, BR, BL], text running TL→TR) that hold print: each run of ink
 * columns, padded with half a line height of paper, as a quad along the same line; runs more than 1.5 line
 * heights apart are separate parts. The recognition model reads a lone glyph set far into an otherwise empty crop
 * as nothing (it was trained on crops that start with their text), so a region where a value must be is cut down
 * to its ink before it is read. Returns `[region]` when it shows no print (no sample darker than the paper by
 * {@link MIN_CONTRAST} of luminance) or only texture (more than {@link MAX_PARTS} runs).
 */
export function inkParts(image: RgbImage, region: Quad): Quad[] {
  const [tl, tr, br, bl] = region;
  const height = Math.max(Math.hypot(bl.x - tl.x, bl.y - tl.y), Math.hypot(br.x - tr.x, br.y - tr.y));
  const width = Math.max(Math.hypot(tr.x - tl.x, tr.y - tl.y), Math.hypot(br.x - bl.x, br.y - bl.y));
  if (height < 1 || width < 1) return [region];
  const columns = Math.max(1, Math.round((ROWS * width) / height));
  const luma = new Float32Array(columns * ROWS);
  for (let c = 0; c < columns; c++) {
    const u = (c + 0.5) / columns;
    const top = lerp(tl, tr, u);
    const bottom = lerp(bl, br, u);
    for (let r = 0; r < ROWS; r++) luma[c * ROWS + r] = luminance(image, lerp(top, bottom, (r + 0.5) / ROWS));
  }
  const sorted = [...luma].sort((a, b) => a - b);
  const paper = sorted[Math.floor(sorted.length / 2)];
  const ink = sorted[Math.floor(sorted.length / 200)];
  if (paper - ink < MIN_CONTRAST) return [region];
  const threshold = (paper + ink) / 2;
  const inked = (c: number) => luma.subarray(c * ROWS, (c + 1) * ROWS).some((v) => v < threshold);

  const runs: [number, number][] = [];
  for (let c = 0; c < columns; c++) {
    if (!inked(c)) continue;
    const last = runs[runs.length - 1];
    if (last && c - last[1] <= MAX_GAP * ROWS) last[1] = c;
    else runs.push([c, c]);
  }
  if (runs.length === 0 || runs.length > MAX_PARTS) return [region];
  const pad = PADDING * ROWS;
  return runs.map(([a, b]) => {
    const from = Math.max(0, (a - pad) / columns);
    const to = Math.min(1, (b + 1 + pad) / columns);
    return [lerp(tl, tr, from), lerp(tl, tr, to), lerp(bl, br, to), lerp(bl, br, from)];
  });
}

function lerp(p: Point, q: Point, f: number): Point {
  return { x: p.x + (q.x - p.x) * f, y: p.y + (q.y - p.y) * f };
}

/** Rec. 601 luminance of the pixel nearest `p` (clamped to the image). */
function luminance(image: RgbImage, p: Point): number {
  const x = Math.min(image.width - 1, Math.max(0, Math.round(p.x)));
  const y = Math.min(image.height - 1, Math.max(0, Math.round(p.y)));
  const i = (y * image.width + x) * 3;
  return 0.299 * image.data[i] + 0.587 * image.data[i + 1] + 0.114 * image.data[i + 2];
}
