import type { Quad } from '@zhengjian/ocr';

/** A rectangle in pixels of the measured (cropped and resized) text region. */
interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Side, pixels, of the blocks the region is cut into (a third of the 24 px text height). */
const BLOCK = 8;
/** Largest luminance standard deviation of a block of the covering object (flat: a finger, a sticker, paper). */
const FLAT_STD = 6;
/** Smallest distance (largest channel difference, 0–255) of such a block's colour to the document's paper. */
const FOREIGN_COLOUR = 40;

/**
 * Share (0–1) of the text region hidden by something over the document: the largest patch of flat 8-px blocks of
 * one colour that is not the paper's (the median block colour), that holds no text, is at least 1.5 text heights
 * on each side, and has text of the document on two opposite sides of it (left and right, or above and below: the
 * document goes on behind it). The last rule keeps out what a document prints flat (a portrait's background,
 * a coloured band at its edge) and the background around a tilted card, which text borders on one side only.
 *
 * @param rgb the region, RGB, `width` × `height`, resized to a text height of `textHeight` px.
 * @param lines the text lines' quads in the same pixels.
 */
export function occludedShare(
  rgb: Buffer,
  width: number,
  height: number,
  lines: readonly Quad[],
  textHeight: number,
): number {
  const cols = Math.floor(width / BLOCK);
  const rows = Math.floor(height / BLOCK);
  if (!cols || !rows || !lines.length) return 0;
  const means: [number, number, number][] = [];
  const flat: boolean[] = [];
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < cols; bx++) {
      const sum = [0, 0, 0];
      let luma = 0;
      let squares = 0;
      for (let y = by * BLOCK; y < (by + 1) * BLOCK; y++) {
        for (let x = bx * BLOCK; x < (bx + 1) * BLOCK; x++) {
          const o = (y * width + x) * 3;
          const l = 0.299 * rgb[o]! + 0.587 * rgb[o + 1]! + 0.114 * rgb[o + 2]!;
          for (let c = 0; c < 3; c++) sum[c]! += rgb[o + c]!;
          luma += l;
          squares += l * l;
        }
      }
      const n = BLOCK * BLOCK;
      means.push([sum[0]! / n, sum[1]! / n, sum[2]! / n]);
      flat.push(squares / n - (luma / n) ** 2 < FLAT_STD * FLAT_STD);
    }
  }
  const paper = [0, 1, 2].map((c) => median(means.map((m) => m[c]!)));
  const foreign = means.map(
    (m, i) => flat[i]! && Math.max(...m.map((v, c) => Math.abs(v - paper[c]!))) > FOREIGN_COLOUR,
  );
  const boxes = lines.map(bounds);
  const minSide = 1.5 * textHeight;
  const seen = new Uint8Array(foreign.length);
  let best = 0;
  for (let start = 0; start < foreign.length; start++) {
    if (!foreign[start] || seen[start]) continue;
    // One patch: blocks of the foreign colour joined by their sides, with the start block's colour.
    const stack = [start];
    seen[start] = 1;
    let count = 0;
    const box: Rect = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
    while (stack.length) {
      const i = stack.pop()!;
      count++;
      const bx = i % cols;
      const by = Math.floor(i / cols);
      box.x0 = Math.min(box.x0, bx * BLOCK);
      box.y0 = Math.min(box.y0, by * BLOCK);
      box.x1 = Math.max(box.x1, (bx + 1) * BLOCK);
      box.y1 = Math.max(box.y1, (by + 1) * BLOCK);
      const next = [
        bx > 0 ? i - 1 : -1,
        bx < cols - 1 ? i + 1 : -1,
        by > 0 ? i - cols : -1,
        by < rows - 1 ? i + cols : -1,
      ];
      for (const j of next) {
        if (j < 0 || seen[j] || !foreign[j] || colourGap(means[j]!, means[start]!) > FOREIGN_COLOUR) continue;
        seen[j] = 1;
        stack.push(j);
      }
    }
    if (box.x1 - box.x0 < minSide || box.y1 - box.y0 < minSide) continue;
    if (!hiddenBehind(box, boxes, textHeight)) continue;
    best = Math.max(best, (count * BLOCK * BLOCK) / (width * height));
  }
  return best;
}

/** No line's centre well inside `patch`, and lines on both of its sides, across or along (within a text height). */
function hiddenBehind(patch: Rect, lines: readonly Rect[], slack: number): boolean {
  const inside = (l: Rect) => {
    const cx = (l.x0 + l.x1) / 2;
    const cy = (l.y0 + l.y1) / 2;
    // Half a text height in from the patch's sides: a line the patch only grazes (its edge is rounded) stays outside.
    const m = slack / 2;
    return cx > patch.x0 + m && cx < patch.x1 - m && cy > patch.y0 + m && cy < patch.y1 - m;
  };
  if (lines.some(inside)) return false;
  const rowBand = (l: Rect) => (l.y0 + l.y1) / 2 > patch.y0 && (l.y0 + l.y1) / 2 < patch.y1;
  const colBand = (l: Rect) => l.x0 < patch.x1 && l.x1 > patch.x0;
  const left = lines.some((l) => rowBand(l) && l.x1 <= patch.x0 + slack);
  const right = lines.some((l) => rowBand(l) && l.x0 >= patch.x1 - slack);
  const above = lines.some((l) => colBand(l) && l.y1 <= patch.y0 + slack);
  const below = lines.some((l) => colBand(l) && l.y0 >= patch.y1 - slack);
  return (left && right) || (above && below);
}

function bounds(q: Quad): Rect {
  const xs = q.map((p) => p.x);
  const ys = q.map((p) => p.y);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

const colourGap = (a: readonly number[], b: readonly number[]) => Math.max(...a.map((v, c) => Math.abs(v - b[c]!)));

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
