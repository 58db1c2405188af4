import type { Point, Quad, RgbImage } from '@zhengjian/ocr';

/** Samples across a region's height; columns are as wide as they are tall. */
const ROWS = 16;
/** How far above and below the region, in its heights, a value's ink may reach (a value printed larger than its label). */
const REACH = 0.25;
/** Luminance between the paper and the darkest ink under which a region holds no print (only paper and pattern). */
const MIN_CONTRAST = 48;
/** Runs of ink further apart than this, in line heights, are separate values (a value's own spaces are narrower). */
const MAX_GAP = 1.5;
/** More runs than this is texture (a guilloche, a stamp), not a value: the region is read as it is. */
const MAX_PARTS = 4;
/**
 * Paper kept around the ink of a part, as [horizontal, vertical] shares of the ink's height, one crop each: the
 * recognition model's reading of a lone glyph swings with its margins (彝 best with wide ones, 土 with narrow).
 */
export const INK_MARGINS: readonly (readonly [number, number])[] = [
  [0.3, 0.35],
  [0.55, 0.35],
  [0.8, 0.45],
];

/**
 * The parts of `region` (a quad of `image` [TL, TR, BR, BL], text running TL→TR) that hold print, each as crops of
 * its ink with the margins of {@link INK_MARGINS} (one quad per margin, along the same line): runs of ink columns
 * more than 1.5 line heights apart are separate parts, and a part's ink may reach a quarter of the region's height
 * above or below it. The recognition model reads a lone glyph set far into an otherwise empty crop as nothing (it
 * was trained on crops boxed around their text), so a region where a value must be is cut down to its ink before
 * it is read. Returns `[[region]]` when it shows no print (no sample darker than the paper by
 * {@link MIN_CONTRAST} of luminance) or only texture (more than {@link MAX_PARTS} runs).
 */
export function inkParts(image: RgbImage, region: Quad): Quad[][] {
  const [tl, tr, br, bl] = region;
  const height = Math.max(Math.hypot(bl.x - tl.x, bl.y - tl.y), Math.hypot(br.x - tr.x, br.y - tr.y));
  const width = Math.max(Math.hypot(tr.x - tl.x, tr.y - tl.y), Math.hypot(br.x - bl.x, br.y - bl.y));
  if (height < 1 || width < 1) return [[region]];
  const columns = Math.max(1, Math.round((ROWS * width) / height));
  const reach = Math.round(REACH * ROWS);
  const rows = ROWS + 2 * reach;
  // (u, v) in region units: u 0–1 along the line, v 0–1 down the region (beyond it within the reach).
  const at = (u: number, v: number): Point => lerp(lerp(tl, tr, u), lerp(bl, br, u), v);
  const luma = new Float32Array(columns * rows);
  for (let c = 0; c < columns; c++)
    for (let r = 0; r < rows; r++)
      luma[c * rows + r] = luminance(image, at((c + 0.5) / columns, (r - reach + 0.5) / ROWS));
  const inside = Array.from({ length: columns }, (_, c) => luma.subarray(c * rows + reach, c * rows + reach + ROWS));
  const sorted = inside.flatMap((col) => [...col]).sort((a, b) => a - b);
  const paper = sorted[Math.floor(sorted.length / 2)];
  const ink = sorted[Math.floor(sorted.length / 200)];
  if (paper - ink < MIN_CONTRAST) return [[region]];
  const threshold = (paper + ink) / 2;

  const runs: [number, number][] = [];
  for (let c = 0; c < columns; c++) {
    if (!inside[c].some((v) => v < threshold)) continue;
    const last = runs[runs.length - 1];
    if (last && c - last[1] <= MAX_GAP * ROWS) last[1] = c;
    else runs.push([c, c]);
  }
  if (runs.length === 0 || runs.length > MAX_PARTS) return [[region]];
  return runs.map(([a, b]) => {
    let top = rows;
    let bottom = -1;
    for (let c = a; c <= b; c++)
      for (let r = 0; r < rows; r++)
        if (luma[c * rows + r] < threshold) {
          top = Math.min(top, r);
          bottom = Math.max(bottom, r);
        }
    const inkHeight = bottom - top + 1;
    return INK_MARGINS.map(([h, v]) => {
      const from = Math.max(0, (a - h * inkHeight) / columns);
      const to = Math.min(1, (b + 1 + h * inkHeight) / columns);
      const up = (top - reach - v * inkHeight) / ROWS;
      const down = (bottom + 1 - reach + v * inkHeight) / ROWS;
      return [at(from, up), at(to, up), at(to, down), at(from, down)];
    });
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
