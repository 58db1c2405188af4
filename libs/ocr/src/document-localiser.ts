import sharp from 'sharp';
import { EdgeVotes, type GreyImage, type Line, edgeSupport, intersect, sobel } from './edge-lines';
import { convexHull, polygonArea } from './geometry';
import { unrotatePoint } from './image-ops';
import type { OcrPage, Point, Quad, RgbImage } from './ocr.types';
import { type PageFrame, quarterTurnedPage, sourcePointToPage, textAngle } from './page-warp';

/**
 * How a document's outline was found: `border` — every side is an edge between the document and its background;
 * `frame` — the document runs up to the edge of the image on the sides where no edge was found (a scan, a crop, a
 * card filling the frame); `text` — at least one side showed no edge and is the text region plus a margin.
 */
export type Localisation = 'border' | 'frame' | 'text';

/** Where the document is in the upright page. */
export interface DocumentLocation {
  /**
   * Corners of the document as read — top-left, top-right, bottom-right, bottom-left — in upright-page pixels (the
   * frame of `OcrPage` boxes). A corner of a document cut off by the image edge may lie outside the page.
   */
  quad: Quad;
  localised: Localisation;
}

/** Longer side, pixels, of the greyscale copy the edges are looked for in. */
const WORK_SIDE = 640;
/** How far, degrees, a side may turn from the text direction (perspective, a slanted print). */
const MAX_TURN = 14;
const TURN_STEP = 0.5;
/** Pixels (of the work image) with a smaller gradient, grey levels per pixel, do not vote. */
const MIN_GRADIENT = 2;
/** An edge must step by at least this many grey levels to be a document border. */
const MIN_CONTRAST = 10;
/** … and show, with at least 40 % of its contrast, along this share of the text's span. */
const MIN_SUPPORT = 0.75;
const SUPPORT_STEP = 0.4;
/** Of the edges on one side, the outermost one at least this share as strong as the strongest is the border. */
const OUTER_SHARE = 0.35;
/** … and at least this many pixels (work image) outside it, so that the strongest edge's own blur does not count. */
const MIN_APART = 4;
/**
 * A side without an edge whose text comes this close to the image edge (share of the text's extent) runs to it:
 * farther when no side shows an edge (a scan or a crop: the document is all there is), closer when the background
 * shows elsewhere.
 */
const FRAME_REACH = { alone: 0.3, inScene: 0.12 };
/** A side without an edge or frame: the text's extent plus this share of it. */
const TEXT_MARGIN = 0.08;

type Side = 'top' | 'right' | 'bottom' | 'left';
const SIDES: readonly Side[] = ['top', 'right', 'bottom', 'left'];

/**
 * Finds the document's quadrilateral in a decoded image from the text the engine read on it and the image's edges.
 * The page is turned upright and scaled to 640 px (sharp) in greyscale; a signed line accumulator over the gradients
 * ({@link EdgeVotes}), restricted to lines within 14° of the text direction and scored along the text's span, gives
 * each side's straight edges outside the text, the document taken as lighter than its background or darker on all
 * sides alike. An edge counts when it steps by 10 grey levels or more and shows along 75 % of the span; of those, the
 * outermost at least 35 % as strong as the strongest is the border (a printed frame inside a licence's edge is not).
 * A side without one runs to the image edge when the text reaches near it (within 30 % of the text's extent when no
 * side shows an edge, 12 % otherwise), else it is the text's extent plus 8 %. Sides that do not make a convex
 * quadrilateral around the text give way to the text region plus 8 % (`text`); a page without text is taken whole
 * (`frame`). The fields are never read from this: it serves the opt-in outputs (`_detail.document`, `_crop`).
 *
 * A deskewed page (`OcrPage.warp`) is measured as photographed, slanted on the image turned by its quarter turn, and
 * the quad mapped into the page's pixels.
 *
 * @param image the decoded image (`OcrEngine.read`'s input), in its own frame.
 * @param read the engine's reading of `image`: its rotation, size and warp, and the text boxes (upright-page pixels).
 */
export async function localiseDocument(
  image: RgbImage,
  read: PageFrame & Pick<OcrPage, 'lines'>,
): Promise<DocumentLocation> {
  const page = quarterTurnedPage(read);
  const scale = Math.min(1, WORK_SIDE / Math.max(page.width, page.height));
  const grey = await workImage(image, page, scale);
  // Per axis: the work image's sides are rounded, and a side on the image edge must map back onto it exactly.
  const [sx, sy] = [grey.width / page.width, grey.height / page.height];
  const points = page.lines.flatMap((l) => l.box.map((p) => ({ x: p.x * sx, y: p.y * sy })));
  const found = points.length ? findSides(grey, points, textAngle(page.lines.map((l) => l.box))) : undefined;
  const quad = found?.quad ?? framed(grey.width, grey.height);
  const toRead = (p: Point): Point =>
    read.warp ? sourcePointToPage(unrotatePoint(p, page.rotation, page.width, page.height), read) : p;
  return {
    quad: quad.map((p) => toRead({ x: p.x / sx, y: p.y / sy })).map((p) => ({ x: tenth(p.x), y: tenth(p.y) })) as Quad,
    localised: found?.localised ?? 'frame',
  };
}

/** Rounded to 0.1 px (and never −0). */
const tenth = (v: number): number => Math.round(v * 10) / 10 + 0;

/** The upright page, scaled by `scale`, greyscale, lightly blurred so that paper grain and JPEG blocks vote less. */
async function workImage(image: RgbImage, page: Pick<OcrPage, 'width' | 'height' | 'rotation'>, scale: number) {
  const width = Math.max(8, Math.round(page.width * scale));
  const height = Math.max(8, Math.round(page.height * scale));
  const { data, info } = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .rotate(page.rotation)
    .resize(width, height, { fit: 'fill' })
    .blur(0.8)
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data } satisfies GreyImage;
}

interface Family {
  votes: EdgeVotes;
  /** Per angle index: the text's extent along the normal, [min, max]. */
  extent: [number, number][];
  spans: [number, number][];
}

/** One family of lines: normals at `base` ± 14°, the text's extent and span for each. */
function family(grey: GreyImage, points: readonly Point[], base: number): Family {
  const alphas: number[] = [];
  for (let turn = -MAX_TURN; turn <= MAX_TURN + 1e-9; turn += TURN_STEP) alphas.push(base + (turn * Math.PI) / 180);
  const extent: [number, number][] = [];
  const spans: [number, number][] = [];
  for (const a of alphas) {
    const [c, s] = [Math.cos(a), Math.sin(a)];
    const d = points.map((p) => c * p.x + s * p.y);
    const t = points.map((p) => -s * p.x + c * p.y);
    extent.push([Math.min(...d), Math.max(...d)]);
    spans.push([Math.min(...t), Math.max(...t)]);
  }
  return { votes: new EdgeVotes(alphas, spans, grey.width, grey.height), extent, spans };
}

interface SideFit {
  line: Line;
  how: Localisation;
}

function findSides(
  grey: GreyImage,
  points: readonly Point[],
  angle: number,
): { quad: Quad; localised: Localisation } | undefined {
  const { gx, gy } = sobel(grey);
  // Across the text (normal pointing down the page) for top/bottom, along it (pointing right) for left/right.
  const across = family(grey, points, angle + Math.PI / 2);
  const along = family(grey, points, angle);
  across.votes.vote(gx, gy, grey.width, grey.height, MIN_GRADIENT);
  along.votes.vote(gx, gy, grey.width, grey.height, MIN_GRADIENT);
  const familyOf = (side: Side) => (side === 'top' || side === 'bottom' ? across : along);
  // Top and left have the document on their normal's side (larger offsets), bottom and right on the other.
  const outward = (side: Side): 1 | -1 => (side === 'top' || side === 'left' ? 1 : -1);

  let best: { fits: (SideFit | undefined)[]; total: number } | undefined;
  for (const lighter of [1, -1] as const) {
    const fits = SIDES.map((side) => edgeOf(grey, familyOf(side), outward(side), lighter));
    const total = fits.reduce((s, f) => s + (f?.score ?? 0), 0);
    if (!best || total > best.total) best = { fits: fits.map((f) => f && { line: f.line, how: 'border' }), total };
  }
  const reach = best?.fits.some((f) => f) ? FRAME_REACH.inScene : FRAME_REACH.alone;
  let fits = SIDES.map(
    (side, i) => best?.fits[i] ?? fallback(side, familyOf(side), outward(side), grey.width, grey.height, reach),
  );
  let quad = cornersOf(fits);
  if (!quad || !plausible(quad, points, grey.width, grey.height)) {
    fits = SIDES.map((side) => fallback(side, familyOf(side), outward(side), grey.width, grey.height, -Infinity));
    quad = cornersOf(fits);
  }
  if (!quad) return undefined;
  const hows = fits.map((f) => f.how);
  const localised: Localisation = hows.includes('text') ? 'text' : hows.includes('frame') ? 'frame' : 'border';
  return { quad, localised };
}

/**
 * The strongest edge beyond the text on one side: `outward` 1 when the side lies at smaller offsets than the text
 * (top, left), `lighter` 1 when the document is taken as lighter than its background.
 */
function edgeOf(
  grey: GreyImage,
  f: Family,
  outward: 1 | -1,
  lighter: 1 | -1,
): { line: Line; score: number } | undefined {
  const sign = (outward * lighter) as 1 | -1;
  const range = (k: number): [number, number] =>
    outward === 1 ? [-Infinity, f.extent[k][0] - 1] : [f.extent[k][1] + 1, Infinity];
  const edges: { line: Line; score: number; mid: Point }[] = [];
  for (const peak of f.votes.peaks(range, sign, 12)) {
    if (peak.score < MIN_CONTRAST) break;
    const line = { alpha: f.votes.alphas[peak.k], d: peak.d };
    const span = f.spans[peak.k];
    if (edgeSupport(grey, line, span, sign, SUPPORT_STEP * peak.score) >= MIN_SUPPORT) {
      edges.push({ line, score: peak.score, mid: pointAt(line, (span[0] + span[1]) / 2) });
    }
  }
  if (!edges.length) return undefined;
  // A printed frame inside the document's edge (a licence's border) can step more than the paper against its
  // background: the outermost strong edge, a few pixels apart from the strongest (not its blur), is the document's.
  const [first] = edges;
  const offset = (e: { mid: Point }) =>
    Math.cos(first.line.alpha) * e.mid.x + Math.sin(first.line.alpha) * e.mid.y - first.line.d;
  const outer = edges.filter((e) => e.score >= OUTER_SHARE * first.score && -outward * offset(e) >= MIN_APART);
  return outer.reduce((a, b) => (-outward * offset(b) > -outward * offset(a) ? b : a), first);
}

/** The point of `line` at position `t` along it (`t = (−sin α, cos α)·p`). */
function pointAt(line: Line, t: number): Point {
  const [c, s] = [Math.cos(line.alpha), Math.sin(line.alpha)];
  return { x: c * line.d - s * t, y: s * line.d + c * t };
}

/**
 * A side with no edge: the image's own edge when the text comes within `reach` × its extent of it, else the text's
 * extent plus a margin (always, for a `reach` of −∞).
 */
function fallback(side: Side, f: Family, outward: 1 | -1, width: number, height: number, reach: number): SideFit {
  const mid = (f.extent.length - 1) / 2;
  const alpha = f.votes.alphas[mid];
  const [lo, hi] = f.extent[mid];
  const size = hi - lo;
  const frame: Line = {
    top: { alpha: Math.PI / 2, d: 0 },
    bottom: { alpha: Math.PI / 2, d: height },
    left: { alpha: 0, d: 0 },
    right: { alpha: 0, d: width },
  }[side];
  // Room between the text and the image edge, along the side's normal.
  const [c, s] = [Math.cos(alpha), Math.sin(alpha)];
  const imageD = framed(width, height).map((p) => c * p.x + s * p.y);
  const room = outward === 1 ? lo - Math.min(...imageD) : Math.max(...imageD) - hi;
  if (room <= reach * size) return { line: frame, how: 'frame' };
  return { line: { alpha, d: outward === 1 ? lo - TEXT_MARGIN * size : hi + TEXT_MARGIN * size }, how: 'text' };
}

/** The corners where the sides (top, right, bottom, left) meet, or `undefined` when two adjacent ones are parallel. */
function cornersOf(fits: readonly SideFit[]): Quad | undefined {
  const [top, right, bottom, left] = fits.map((f) => f.line);
  const corners = [intersect(top, left), intersect(top, right), intersect(bottom, right), intersect(bottom, left)];
  return corners.every((c) => c !== undefined) ? (corners as Quad) : undefined;
}

/** A convex quad around most of the text, at least as large as the text, with corners near the image. */
function plausible(quad: Quad, points: readonly Point[], width: number, height: number): boolean {
  const slack = 0.25 * Math.max(width, height);
  if (quad.some((p) => p.x < -slack || p.y < -slack || p.x > width + slack || p.y > height + slack)) return false;
  for (let i = 0; i < 4; i++) {
    const [a, b, c] = [quad[i], quad[(i + 1) % 4], quad[(i + 2) % 4]];
    if ((b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x) <= 0) return false;
  }
  return polygonArea(quad) >= 0.9 * polygonArea(convexHull(points));
}

function framed(width: number, height: number): Quad {
  return [
    { x: 0, y: 0 },
    { x: width, y: 0 },
    { x: width, y: height },
    { x: 0, y: height },
  ];
}
