import { type OcrPage, type Rect, type RgbImage, quadBounds } from '@zhengjian/ocr';
import { classifyPixel } from './plate-colour';

/** A region of the upright page that may hold a plate, and why it was proposed. */
export interface PlateCandidate {
  rect: Rect;
  source: 'colour' | 'text' | 'frame';
  /** Where to measure the plate's colour: the middle of the text line for `text` candidates (inside the plate even
   * when it is tilted), else the whole region. */
  core: Rect;
  /** The OCR line's text and mean character confidence for `text` candidates. */
  text?: string;
  score?: number;
}

// Plates are 440×140 mm (single row) or 480×140 mm (new energy): width/height 3.1–3.4, wider when cut to the text.
const MIN_ASPECT = 1.8;
const MAX_ASPECT = 6.5;
const GRID_SIDE = 400;

/** The characters of a reading without spaces, the separator dot and the rivets read as punctuation. */
const plateChars = (text: string): string[] => [...text.replace(/[\s·•．.\-_:：]/g, '')];

/**
 * Regions of `image` (the upright page) that may hold a plate:
 * - `colour`: connected areas of blue, yellow or green plate paint with a plate's proportions (found on a grid of at
 *   most 400 cells a side, so a car photo costs a few hundred thousand pixel reads);
 * - `text`: OCR lines of 6–10 characters, mostly Latin capitals and digits (every plate, including white and black
 *   ones, whose colour alone does not stand out from a car), grown by a margin to include the plate's border;
 * - `frame`: the whole page, when it has a plate's proportions (a close-up or an already cropped plate).
 */
export function plateCandidates(image: RgbImage, page: OcrPage): PlateCandidate[] {
  const candidates: PlateCandidate[] = [];
  const aspect = image.width / image.height;
  if (aspect >= MIN_ASPECT && aspect <= MAX_ASPECT) {
    const whole = { left: 0, top: 0, width: image.width, height: image.height };
    candidates.push({ rect: whole, core: whole, source: 'frame' });
  }
  for (const line of [...page.lines, ...rowNeighbours(page)]) {
    if (!isPlateLikeText(line.text)) continue;
    const r = 'rect' in line ? line.rect : quadBounds(line.box, image.width, image.height);
    const core = grow(r, -0.1, -0.2, image);
    candidates.push({ rect: grow(r, 0.08, 0.2, image), core, source: 'text', text: line.text, score: line.score });
    // Six characters: the detector missed one at an end (a red 警, a province character cut by the frame); read
    // the line again with one character's width more on each side.
    if (plateChars(line.text).length === 6) {
      const more = grow({ ...r, left: r.left - r.height * 0.8, width: r.width + r.height * 1.6 }, 0, 0.2, image);
      candidates.push({ rect: more, core, source: 'text' });
    }
  }
  for (const rect of colourRegions(image)) candidates.push({ rect, core: rect, source: 'colour' });
  return dedupe(candidates);
}

/**
 * Shaped like a plate number: 6–10 characters once separators are removed, only capitals, digits and at most two
 * Chinese characters (province, usage), with at least one letter and two digits. Dates (`1977年1月29日`), grouped
 * card numbers and names in capitals are not.
 */
export function isPlateLikeText(text: string): boolean {
  const chars = plateChars(text);
  if (chars.length < 6 || chars.length > 10) return false;
  if (!chars.every((c) => /[A-Z0-9\u4e00-\u9fff]/.test(c))) return false;
  const count = (re: RegExp) => chars.filter((c) => re.test(c)).length;
  return count(/[\u4e00-\u9fff]/) <= 2 && count(/[A-Z]/) >= 1 && count(/\d/) >= 2;
}

/**
 * Pairs of OCR lines side by side on one row, joined: the detector often cuts a plate at its separator dot or before a
 * last character in another colour (the red 警 of police plates).
 */
function rowNeighbours(page: OcrPage): { text: string; score: number; rect: Rect }[] {
  const boxes = page.lines.map((l) => ({ line: l, r: quadBounds(l.box, page.width, page.height) }));
  const joined: { text: string; score: number; rect: Rect }[] = [];
  for (const a of boxes) {
    for (const b of boxes) {
      const gap = b.r.left - (a.r.left + a.r.width);
      const h = Math.min(a.r.height, b.r.height);
      const overlap = Math.min(a.r.top + a.r.height, b.r.top + b.r.height) - Math.max(a.r.top, b.r.top);
      if (a === b || gap < -0.2 * h || gap > 1.5 * h || overlap < 0.6 * h) continue;
      const left = a.r.left;
      const top = Math.min(a.r.top, b.r.top);
      const right = b.r.left + b.r.width;
      const bottom = Math.max(a.r.top + a.r.height, b.r.top + b.r.height);
      joined.push({
        text: a.line.text + b.line.text,
        score: Math.min(a.line.score, b.line.score),
        rect: { left, top, width: right - left, height: bottom - top },
      });
    }
  }
  return joined;
}

function colourRegions(image: RgbImage): Rect[] {
  const step = Math.max(1, Math.ceil(Math.max(image.width, image.height) / GRID_SIDE));
  const gw = Math.floor(image.width / step);
  const gh = Math.floor(image.height / step);
  const codes: Record<string, number> = { blue: 1, yellow: 2, green: 3 };
  const grid = new Uint8Array(gw * gh);
  for (let gy = 0; gy < gh; gy++) {
    for (let gx = 0; gx < gw; gx++) {
      const i = (gy * step * image.width + gx * step) * 3;
      grid[gy * gw + gx] = codes[classifyPixel(image.data[i], image.data[i + 1], image.data[i + 2])] ?? 0;
    }
  }
  const seen = new Uint8Array(gw * gh);
  const rects: Rect[] = [];
  const stack: number[] = [];
  for (let start = 0; start < grid.length; start++) {
    if (grid[start] === 0 || seen[start]) continue;
    const code = grid[start];
    let [minX, minY, maxX, maxY, count] = [gw, gh, 0, 0, 0];
    stack.push(start);
    seen[start] = 1;
    while (stack.length > 0) {
      const at = stack.pop()!;
      const x = at % gw;
      const y = (at - x) / gw;
      count++;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
      for (const [nx, ny] of [
        [x - 1, y],
        [x + 1, y],
        [x, y - 1],
        [x, y + 1],
      ]) {
        const n = ny * gw + nx;
        if (nx >= 0 && ny >= 0 && nx < gw && ny < gh && !seen[n] && grid[n] === code) {
          seen[n] = 1;
          stack.push(n);
        }
      }
    }
    const w = maxX - minX + 1;
    const h = maxY - minY + 1;
    // The characters punch holes in the paint: a plate fills 40–80 % of its bounding box.
    if (h < 4 || w / h < MIN_ASPECT || w / h > MAX_ASPECT || count / (w * h) < 0.35) continue;
    if (w * h > 0.9 * gw * gh) continue;
    const rect = { left: minX * step, top: minY * step, width: w * step, height: h * step };
    rects.push(grow(rect, 0.02, 0.08, image));
  }
  return rects.sort((a, b) => b.width * b.height - a.width * a.height).slice(0, 6);
}

function grow(r: Rect, fx: number, fy: number, image: RgbImage): Rect {
  const dx = Math.round(r.width * fx);
  const dy = Math.round(r.height * fy);
  const left = Math.max(0, Math.round(r.left - dx));
  const top = Math.max(0, Math.round(r.top - dy));
  const right = Math.min(image.width, Math.round(r.left + r.width + dx));
  const bottom = Math.min(image.height, Math.round(r.top + r.height + dy));
  return { left, top, width: right - left, height: bottom - top };
}

function dedupe(candidates: PlateCandidate[]): PlateCandidate[] {
  const kept: PlateCandidate[] = [];
  for (const c of candidates) {
    if (!kept.some((k) => k.source === c.source && k.text === c.text && iou(k.rect, c.rect) > 0.8)) kept.push(c);
  }
  return kept;
}

/** Intersection over union of two rectangles, 0–1. */
export function iou(a: Rect, b: Rect): number {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / (a.width * a.height + b.width * b.height - inter);
}
