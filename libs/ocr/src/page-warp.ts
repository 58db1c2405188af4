import sharp from 'sharp';
import { quadCropSize } from './crop-warp';
import { orderCorners } from './geometry';
import { type Rect, quadToSourceFrame, rotatePoint, turnRegion } from './image-ops';
import type { OcrPage, PageWarp, Point, Quad, RgbImage, Rotation } from './ocr.types';

/**
 * Text slanted by at least this much (radians, 4°) after the page's quarter turn is read on a deskewed page: the
 * layout reads rows by their y, and a 12° slant already makes a long line cross the next row's band.
 */
export const MIN_SLANT = (4 * Math.PI) / 180;
/** Margin kept around the first pass's text on a deskewed page, as a fraction of the text's extent, plus 8 px. */
const MARGIN = 0.25;

/** The part of an OcrPage that says how its pixels were made from the decoded image. */
export type PageFrame = Pick<OcrPage, 'width' | 'height' | 'rotation' | 'warp'>;

/**
 * Direction of the text, radians (0 = left to right): the median direction of the elongated boxes' top edges
 * weighted by length; 0 without any.
 */
export function textAngle(boxes: readonly Quad[]): number {
  const angles: { a: number; w: number }[] = [];
  for (const q of boxes) {
    const { width, height } = quadCropSize(q);
    if (width < 2 * height) continue;
    angles.push({ a: Math.atan2(q[1].y - q[0].y + q[2].y - q[3].y, q[1].x - q[0].x + q[2].x - q[3].x), w: width });
  }
  if (!angles.length) return 0;
  angles.sort((p, q) => p.a - q.a);
  const half = angles.reduce((s, p) => s + p.w, 0) / 2;
  let seen = 0;
  for (const p of angles) {
    seen += p.w;
    if (seen >= half) return p.a;
  }
  return angles[angles.length - 1].a;
}

/**
 * The text's slant (radians, clockwise in image pixels, within ±45°) once the decoded image is turned by `rotation`:
 * the length-weighted median direction of the elongated boxes (`textAngle`). `boxes` are in the decoded image's pixels.
 */
export function pageSlant(boxes: readonly Quad[], rotation: Rotation, width: number, height: number): number {
  return textAngle(boxes.map((q) => orderCorners(q.map((p) => rotatePoint(p, rotation, width, height)))));
}

/**
 * The deskewed page for text slanted by `slant` (radians, as {@link pageSlant}) on the decoded image turned by
 * `rotation`: that image turned back by the slant about its origin, cut to the region of `boxes` (decoded-image
 * pixels: the text found so far) plus a quarter of its extent and 8 px, within the turned image's bounds. Returns the
 * page's size and its {@link PageWarp}.
 */
export function deskewFrame(
  source: { width: number; height: number },
  rotation: Rotation,
  slant: number,
  boxes: readonly Quad[],
): Required<PageFrame> {
  const [c, s] = [Math.cos(slant), Math.sin(slant)];
  // Decoded pixel → quarter-turned pixel → turned back by the slant (R(−slant) = [[c, s], [−s, c]]).
  const toPage = (p: Point): Point => {
    const t = rotatePoint(p, rotation, source.width, source.height);
    return { x: c * t.x + s * t.y, y: -s * t.x + c * t.y };
  };
  const corners = [
    { x: 0, y: 0 },
    { x: source.width, y: 0 },
    { x: source.width, y: source.height },
    { x: 0, y: source.height },
  ].map(toPage);
  const text = boxes.flatMap((q) => q.map(toPage));
  const span = (ps: readonly Point[], k: 'x' | 'y') => [
    Math.min(...ps.map((p) => p[k])),
    Math.max(...ps.map((p) => p[k])),
  ];
  const bound = (k: 'x' | 'y'): [number, number] => {
    const [lo, hi] = span(corners, k);
    if (!text.length) return [Math.floor(lo), Math.ceil(hi)];
    const [a, b] = span(text, k);
    const margin = (b - a) * MARGIN + 8;
    return [Math.floor(Math.max(lo, a - margin)), Math.ceil(Math.min(hi, b + margin))];
  };
  const [x0, x1] = bound('x');
  const [y0, y1] = bound('y');
  // Page point (u, v) = toPage(p) − (x0, y0); inverted: the turned point is R(slant)·(u + x0, v + y0).
  const turned = (u: number, v: number): Point => ({ x: c * (u + x0) - s * (v + y0), y: s * (u + x0) + c * (v + y0) });
  const origin = turned(0, 0);
  const ex = turned(1, 0);
  const ey = turned(0, 1);
  // Back from the turned frame to the decoded image: unrotatePoint is affine, so map three points and difference them.
  const w = rotation === 90 || rotation === 270 ? source.height : source.width;
  const h = rotation === 90 || rotation === 270 ? source.width : source.height;
  const [o, a, b] = quadToSourceFrame([origin, ex, ey, origin], rotation, w, h);
  return {
    width: Math.max(1, x1 - x0),
    height: Math.max(1, y1 - y0),
    rotation,
    warp: {
      toSource: [a.x - o.x, b.x - o.x, o.x, a.y - o.y, b.y - o.y, o.y, 0, 0, 1],
      sourceWidth: source.width,
      sourceHeight: source.height,
    },
  };
}

/** A point of the page (continuous pixels) in the decoded image's pixels. */
export function pagePointToSource(p: Point, page: PageFrame): Point {
  if (!page.warp) return quadToSourceFrame([p, p, p, p], page.rotation, page.width, page.height)[0];
  const m = page.warp.toSource;
  const d = m[6] * p.x + m[7] * p.y + m[8];
  return { x: (m[0] * p.x + m[1] * p.y + m[2]) / d, y: (m[3] * p.x + m[4] * p.y + m[5]) / d };
}

/** A point of the decoded image (continuous pixels) in the page's pixels: the inverse of {@link pagePointToSource}. */
export function sourcePointToPage(p: Point, page: PageFrame): Point {
  if (!page.warp) {
    const swap = page.rotation === 90 || page.rotation === 270;
    return rotatePoint(p, page.rotation, swap ? page.height : page.width, swap ? page.width : page.height);
  }
  const [a, b, c, d, e, f, g, h, i] = page.warp.toSource;
  // The adjugate of the 3×3 matrix: its inverse up to scale, which a homography ignores.
  const inv = [
    e * i - f * h,
    c * h - b * i,
    b * f - c * e,
    f * g - d * i,
    a * i - c * g,
    c * d - a * f,
    d * h - e * g,
    b * g - a * h,
    a * e - b * d,
  ];
  const w = inv[6] * p.x + inv[7] * p.y + inv[8];
  return { x: (inv[0] * p.x + inv[1] * p.y + inv[2]) / w, y: (inv[3] * p.x + inv[4] * p.y + inv[5]) / w };
}

/**
 * Maps a quad of the page back to the decoded image's pixels, keeping the point order: `quadToSourceFrame` for a
 * page that is only quarter-turned, the page's {@link PageWarp} for a deskewed one.
 */
export function pageQuadToSource(quad: Quad, page: PageFrame): Quad {
  if (!page.warp) return quadToSourceFrame(quad, page.rotation, page.width, page.height);
  return quad.map((p) => pagePointToSource(p, page)) as Quad;
}

/**
 * The page as if it had only been turned by its quarter turn (lines' boxes mapped to the decoded image turned by
 * `page.rotation`, slanted as photographed), for what measures the photo itself: the document's outline, its crop,
 * the image quality. A page without a warp is returned as is.
 */
export function quarterTurnedPage<P extends PageFrame & Pick<OcrPage, 'lines'>>(page: P): P {
  if (!page.warp) return page;
  const { sourceWidth: w, sourceHeight: h } = page.warp;
  const turn = (q: Quad): Quad => pageQuadToSource(q, page).map((p) => rotatePoint(p, page.rotation, w, h)) as Quad;
  const swap = page.rotation === 90 || page.rotation === 270;
  const { warp: _warp, ...rest } = page;
  return {
    ...rest,
    width: swap ? h : w,
    height: swap ? w : h,
    lines: page.lines.map((l) => ({ ...l, box: turn(l.box) })),
  } as P;
}

/** Renders of deskewed pages by their warp and source image: the engine's render serves the recognizers too. */
const renders = new WeakMap<PageWarp, { source: RgbImage; image: Promise<RgbImage> }>();

/**
 * The page's pixels: the decoded image turned by `page.rotation`, or for a deskewed page its warp rendered by libvips
 * (affine, bilinear; what falls outside the decoded image is black). Positions agree with {@link pagePointToSource}
 * within a pixel (libvips rounds the affine's output area). A deskewed page is rendered once per warp and source
 * image (the engine's render is the one the recognizers and the portrait crop get).
 */
export function renderPage(source: RgbImage, page: PageFrame): Promise<RgbImage> {
  if (!page.warp) return turnRegion(source, page.rotation);
  const cached = renders.get(page.warp);
  if (cached?.source === source) return cached.image;
  const image = renderWarp(source, page as PageFrame & { warp: PageWarp });
  renders.set(page.warp, { source, image });
  return image;
}

async function renderWarp(source: RgbImage, page: PageFrame & { warp: PageWarp }): Promise<RgbImage> {
  const [a, b, c, d, e, f] = page.warp.toSource;
  // Inverse affine, decoded → page: L·s + t.
  const det = a * e - b * d;
  const l = [e / det, -b / det, -d / det, a / det];
  const t = { x: -(l[0] * c + l[1] * f), y: -(l[2] * c + l[3] * f) };
  const raw = { width: source.width, height: source.height, channels: 3 as const };
  const { data, info } = await sharp(source.data, { raw })
    .affine(
      [
        [l[0], l[1]],
        [l[2], l[3]],
      ],
      { background: '#000000', interpolator: 'bilinear' },
    )
    .raw()
    .toBuffer({ resolveWithObject: true });
  // libvips puts the output's origin at the top-left of the transformed image's bounding box.
  const xs = [0, source.width].flatMap((x) => [0, source.height].map((y) => l[0] * x + l[1] * y));
  const ys = [0, source.width].flatMap((x) => [0, source.height].map((y) => l[2] * x + l[3] * y));
  const left = Math.round(-Math.min(...xs) - t.x);
  const top = Math.round(-Math.min(...ys) - t.y);
  return window(
    { width: info.width, height: info.height, data },
    { left, top, width: page.width, height: page.height },
  );
}

/** `rect` of `image`, black where it falls outside. */
async function window(image: RgbImage, rect: Rect): Promise<RgbImage> {
  const inside = {
    left: Math.max(0, rect.left),
    top: Math.max(0, rect.top),
    right: Math.min(image.width, rect.left + rect.width),
    bottom: Math.min(image.height, rect.top + rect.height),
  };
  const raw = { width: image.width, height: image.height, channels: 3 as const };
  const data = await sharp(image.data, { raw })
    .extract({
      left: inside.left,
      top: inside.top,
      width: inside.right - inside.left,
      height: inside.bottom - inside.top,
    })
    .extend({
      left: inside.left - rect.left,
      top: inside.top - rect.top,
      right: rect.left + rect.width - inside.right,
      bottom: rect.top + rect.height - inside.bottom,
      background: '#000000',
    })
    .raw()
    .toBuffer();
  return { width: rect.width, height: rect.height, data };
}
