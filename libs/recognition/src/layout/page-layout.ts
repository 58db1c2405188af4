import type { OcrLine, OcrPage, Point, Quad } from '@zhengjian/ocr';

/** An axis-aligned rectangle in the deskewed frame, pixels. */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** An OCR line seen in the deskewed frame: the page turned by `-skew` about its centre. */
export interface LayoutLine {
  /** Text with white space removed and full-width digits/letters folded to ASCII. */
  text: string;
  score: number;
  rect: Rect;
  source: OcrLine;
}

/**
 * The lines of a page in a frame where the text runs horizontally, so that rows, columns and label/value
 * positions can be compared with plain rectangles even when the photo was tilted. `toPage` maps back.
 */
export class PageLayout {
  readonly lines: LayoutLine[];
  /** Tilt of the text baseline in radians (positive: clockwise in image coordinates). */
  readonly skew: number;
  private readonly cx: number;
  private readonly cy: number;

  constructor(readonly page: OcrPage) {
    this.cx = page.width / 2;
    this.cy = page.height / 2;
    this.skew = estimateSkew(page.lines);
    this.lines = page.lines
      .map((line) => ({ text: foldText(line.text), score: line.score, rect: this.rectOf(line.box), source: line }))
      .filter((line) => line.text.length > 0)
      .sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);
  }

  /** Median text-line height in the deskewed frame: the page's character size, pixels. */
  get charHeight(): number {
    const heights = this.lines.map((l) => l.rect.bottom - l.rect.top).sort((a, b) => a - b);
    return heights.length ? heights[Math.floor(heights.length / 2)] : 0;
  }

  /** Maps a deskewed rectangle back to a quad in the page (clockwise from its top-left). */
  toPage(rect: Rect): Quad {
    const corners: Point[] = [
      { x: rect.left, y: rect.top },
      { x: rect.right, y: rect.top },
      { x: rect.right, y: rect.bottom },
      { x: rect.left, y: rect.bottom },
    ];
    return corners.map((p) => this.rotate(p, this.skew)) as Quad;
  }

  private rectOf(box: Quad): Rect {
    const pts = box.map((p) => this.rotate(p, -this.skew));
    const xs = pts.map((p) => p.x);
    const ys = pts.map((p) => p.y);
    return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
  }

  private rotate(p: Point, angle: number): Point {
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const dx = p.x - this.cx;
    const dy = p.y - this.cy;
    return { x: this.cx + dx * cos - dy * sin, y: this.cy + dx * sin + dy * cos };
  }
}

/** Median baseline angle of the lines that are clearly horizontal (at least 3 times wider than tall). */
function estimateSkew(lines: OcrLine[]): number {
  const angles = lines
    .map((l) => {
      const [tl, tr, , bl] = l.box;
      const width = Math.hypot(tr.x - tl.x, tr.y - tl.y);
      const height = Math.hypot(bl.x - tl.x, bl.y - tl.y);
      return { angle: Math.atan2(tr.y - tl.y, tr.x - tl.x), long: width > 3 * height };
    })
    .filter((a) => a.long)
    .map((a) => a.angle)
    .sort((a, b) => a - b);
  return angles.length ? angles[Math.floor(angles.length / 2)] : 0;
}

/** Removes white space and folds full-width ASCII (digits, letters, punctuation) to half-width. */
export function foldText(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');
}

/** Fraction of the shorter rectangle's height that the two rectangles share vertically (0–1). */
export function verticalOverlap(a: Rect, b: Rect): number {
  const shared = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  const shorter = Math.min(a.bottom - a.top, b.bottom - b.top);
  return shorter > 0 ? Math.max(0, shared) / shorter : 0;
}

/** The smallest rectangle holding all of `rects`. */
export function unionRect(rects: Rect[]): Rect {
  return {
    left: Math.min(...rects.map((r) => r.left)),
    top: Math.min(...rects.map((r) => r.top)),
    right: Math.max(...rects.map((r) => r.right)),
    bottom: Math.max(...rects.map((r) => r.bottom)),
  };
}

/** Mean OCR score of the lines a value came from, 0–1, rounded to 3 decimals and scaled by `factor` (a penalty). */
export function meanScore(lines: { score: number }[], factor = 1): number {
  const mean = lines.length ? lines.reduce((s, l) => s + l.score, 0) / lines.length : 0;
  return Math.round(mean * factor * 1000) / 1000;
}
