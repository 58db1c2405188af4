import type { OcrLine, OcrPage } from '@zhengjian/ocr';

/**
 * Several documents on one page: a photocopy of both sides of an ID card on one A4 sheet (身份证复印件), a licence's
 * main and second page side by side, a card on top of a form. Read whole, such a page mixes two documents' labels,
 * and each document's signature vetoes the other (a front's page that shows 签发机关 is not a front).
 *
 * `documentBlocks` cuts the page's lines into blocks by recursive XY-cut: a page is cut along the widest empty band,
 * across or down, that is at least {@link BlockOptions.minGap} line heights wide (the median line height of the page),
 * when each side keeps at least {@link BlockOptions.minLines} lines; each side is cut again the same way. The gaps
 * inside a document (the blank beside an ID card's portrait, between a card back's title and its fields) are a few
 * line heights; the margin between two documents on a sheet is many more, and a side of only a title or a lone number
 * line is too small to stand as a document.
 *
 * Returns the blocks as sub-pages (same size and rotation, a subset of the lines in reading order) in the cuts' order:
 * above before below, left before right, each side's own blocks together; a single block (the page itself) when it
 * does not cut. Only the widest band of each axis is tried at each step.
 * Coordinates stay those of the whole page, so boxes and crops need no mapping.
 */
export function documentBlocks(page: OcrPage, options: BlockOptions = {}): OcrPage[] {
  const minGap = options.minGap ?? DEFAULT_MIN_GAP;
  const minLines = options.minLines ?? DEFAULT_MIN_LINES;
  const boxes = page.lines.map(boundsOf);
  const lineHeight = median(boxes.map((b) => b.bottom - b.top));
  if (!(lineHeight > 0)) return [page];
  const leaves: number[][] = [];
  const cut = (members: number[]): void => {
    const splits = [widestGap(members, boxes, 'y'), widestGap(members, boxes, 'x')].filter(
      (s) => s && s.gap >= minGap * lineHeight && s.sides.every((side) => side.length >= minLines),
    );
    const split = splits.sort((a, b) => b!.gap - a!.gap)[0];
    if (!split) {
      leaves.push(members);
      return;
    }
    cut(split.sides[0]);
    cut(split.sides[1]);
  };
  cut(page.lines.map((_, i) => i));
  if (leaves.length < 2) return [page];
  return leaves.map((members) => ({ ...page, lines: members.sort((i, j) => i - j).map((i) => page.lines[i]!) }));
}

/** Tuning of {@link documentBlocks}. */
export interface BlockOptions {
  /** Narrowest empty band that separates two documents, in median line heights (default 4). */
  minGap?: number;
  /** Fewest lines a block must keep to stand as a document (default 3). */
  minLines?: number;
}

const DEFAULT_MIN_GAP = 4;
const DEFAULT_MIN_LINES = 3;

interface Bounds {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function boundsOf(line: OcrLine): Bounds {
  const xs = line.box.map((p) => p.x);
  const ys = line.box.map((p) => p.y);
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}

/**
 * The widest empty band across `axis` (`y`: a horizontal band between rows of lines; `x`: a vertical band between
 * columns) among `members`, and the lines on each side of it; undefined when every line overlaps the next.
 */
function widestGap(
  members: number[],
  boxes: Bounds[],
  axis: 'x' | 'y',
): { gap: number; sides: [number[], number[]] } | undefined {
  const start = (i: number) => (axis === 'y' ? boxes[i]!.top : boxes[i]!.left);
  const end = (i: number) => (axis === 'y' ? boxes[i]!.bottom : boxes[i]!.right);
  const sorted = [...members].sort((i, j) => start(i) - start(j));
  let best: { gap: number; at: number } | undefined;
  let reach = -Infinity;
  for (let k = 0; k < sorted.length; k++) {
    const i = sorted[k]!;
    if (k > 0 && start(i) - reach > (best?.gap ?? 0)) best = { gap: start(i) - reach, at: k };
    reach = Math.max(reach, end(i));
  }
  if (!best) return undefined;
  return { gap: best.gap, sides: [sorted.slice(0, best.at), sorted.slice(best.at)] };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
