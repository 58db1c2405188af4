import type { DetectedBox } from './db-postprocess';
import type { Rect } from './image-ops';
import type { RgbImage } from './ocr.types';

/** Zoom in only when it raises the detector's resolution on the text by at least this factor. */
const MIN_ZOOM = 1.4;
/** Margin kept around the text, as a fraction of the text region's size: lines the first pass missed at its edges. */
const MARGIN = 0.25;

/**
 * Card localisation for the detector. DB runs on the image scaled to `maxSide` on its longer side, so on a large
 * phone photo where the card fills a small part of the frame the glyphs shrink below what it can find (a 1000 px
 * card in a 4000 px photo is read at a quarter of its size). When the text found on a first pass sits in a region
 * that, cut out, would be scaled down at least 1.4 times less, this returns that region (pixels of `image`) for a
 * second detection pass; otherwise `undefined`.
 */
export function textFocus(image: RgbImage, boxes: readonly DetectedBox[], maxSide: number): Rect | undefined {
  if (boxes.length === 0 || Math.max(image.width, image.height) <= maxSide) return undefined;
  const xs = boxes.flatMap((b) => b.box.map((p) => p.x));
  const ys = boxes.flatMap((b) => b.box.map((p) => p.y));
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const mx = (x1 - x0) * MARGIN + 8;
  const my = (y1 - y0) * MARGIN + 8;
  const left = Math.max(0, Math.floor(x0 - mx));
  const top = Math.max(0, Math.floor(y0 - my));
  const right = Math.min(image.width, Math.ceil(x1 + mx));
  const bottom = Math.min(image.height, Math.ceil(y1 + my));
  const before = maxSide / Math.max(image.width, image.height);
  const after = Math.min(1, maxSide / Math.max(right - left, bottom - top));
  return after / before >= MIN_ZOOM ? { left, top, width: right - left, height: bottom - top } : undefined;
}

/** Moves boxes found in a crop back to the frame of the image the crop came from. */
export function offsetBoxes(boxes: readonly DetectedBox[], r: Rect): DetectedBox[] {
  return boxes.map((b) => ({
    ...b,
    box: b.box.map((p) => ({ x: p.x + r.left, y: p.y + r.top })) as DetectedBox['box'],
  }));
}
