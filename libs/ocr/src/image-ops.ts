import sharp from 'sharp';
import type { Point, Quad, RgbImage, Rotation } from './ocr.types';

/** Axis-aligned rectangle in pixels. */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Turns an RGB image clockwise by a quarter-turn multiple, pixel by pixel: the reference the tests hold libvips'
 * {@link turnRegion} to (the product turns with that). 90/270 swap width and height.
 * Point mapping for 90°: (x, y) → (H − 1 − y, x) in pixel indices.
 */
export function rotateRgb(rgb: RgbImage, rotation: Rotation): RgbImage {
  if (rotation === 0) return rgb;
  const { width: w, height: h, data } = rgb;
  const swap = rotation !== 180;
  const ow = swap ? h : w;
  const oh = swap ? w : h;
  const out = Buffer.allocUnsafe(data.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let nx: number;
      let ny: number;
      if (rotation === 90) [nx, ny] = [h - 1 - y, x];
      else if (rotation === 180) [nx, ny] = [w - 1 - x, h - 1 - y];
      else [nx, ny] = [y, w - 1 - x];
      const s = (y * w + x) * 3;
      const d = (ny * ow + nx) * 3;
      out[d] = data[s];
      out[d + 1] = data[s + 1];
      out[d + 2] = data[s + 2];
    }
  }
  return { width: ow, height: oh, data: out };
}

/**
 * Cuts `region` (pixels of `rgb`, clipped to it) out of an RGB image and turns the cut-out clockwise by `rotation`,
 * with libvips (lossless: quarter turns and a crop only move pixels). The result is the region's part of the image
 * turned by `rotation`, at the same scale; `rotateRgb` is the synchronous whole-image equivalent.
 */
export async function turnRegion(rgb: RgbImage, rotation: Rotation, region?: Rect): Promise<RgbImage> {
  const rect = region
    ? clipRect(region, rgb.width, rgb.height)
    : { left: 0, top: 0, width: rgb.width, height: rgb.height };
  if (rotation === 0 && rect.width === rgb.width && rect.height === rgb.height) return rgb;
  const { data, info } = await sharp(rgb.data, { raw: { width: rgb.width, height: rgb.height, channels: 3 } })
    .extract(rect)
    .rotate(rotation)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

/**
 * Where a point of an image (continuous pixel coordinates) lands once the image is turned clockwise by `rotation`;
 * `width`/`height` are those of the image before the turn. The inverse of {@link unrotatePoint}.
 */
export function rotatePoint(p: Point, rotation: Rotation, width: number, height: number): Point {
  switch (rotation) {
    case 0:
      return { x: p.x, y: p.y };
    case 90:
      return { x: height - p.y, y: p.x };
    case 180:
      return { x: width - p.x, y: height - p.y };
    case 270:
      return { x: p.y, y: width - p.x };
  }
}

/** The rectangle `r` of an image of `width × height` once the image is turned clockwise by `rotation`. */
export function rotateRect(r: Rect, rotation: Rotation, width: number, height: number): Rect {
  const a = rotatePoint({ x: r.left, y: r.top }, rotation, width, height);
  const b = rotatePoint({ x: r.left + r.width, y: r.top + r.height }, rotation, width, height);
  return {
    left: Math.min(a.x, b.x),
    top: Math.min(a.y, b.y),
    width: Math.abs(b.x - a.x),
    height: Math.abs(b.y - a.y),
  };
}

/**
 * Maps a point given in continuous pixel coordinates of the image turned clockwise by `rotation` back to the image
 * before the turn. `width`/`height` are those of the turned (upright) image.
 */
export function unrotatePoint(p: Point, rotation: Rotation, width: number, height: number): Point {
  switch (rotation) {
    case 0:
      return { x: p.x, y: p.y };
    case 90:
      return { x: p.y, y: width - p.x };
    case 180:
      return { x: width - p.x, y: height - p.y };
    case 270:
      return { x: height - p.y, y: p.x };
  }
}

/**
 * Maps a quad from the upright page (see `OcrPage.rotation`) back to the decoded image frame, keeping the point order
 * (the first point stays the top-left of the text as read). `pageWidth`/`pageHeight` are `OcrPage.width/height`.
 */
export function quadToSourceFrame(quad: Quad, rotation: Rotation, pageWidth: number, pageHeight: number): Quad {
  return quad.map((p) => unrotatePoint(p, rotation, pageWidth, pageHeight)) as Quad;
}

/** Axis-aligned bounding rectangle of a quad, clipped to the image (integer pixels, at least 1×1). */
export function quadBounds(quad: Quad, width: number, height: number): Rect {
  const xs = quad.map((p) => p.x);
  const ys = quad.map((p) => p.y);
  const left = Math.min(width - 1, Math.max(0, Math.floor(Math.min(...xs))));
  const top = Math.min(height - 1, Math.max(0, Math.floor(Math.min(...ys))));
  const right = Math.max(left + 1, Math.min(width, Math.ceil(Math.max(...xs))));
  const bottom = Math.max(top + 1, Math.min(height, Math.ceil(Math.max(...ys))));
  return { left, top, width: right - left, height: bottom - top };
}

/**
 * Cuts a region (a rectangle, or a quad's bounding rectangle) out of an RGB image and encodes it as JPEG, turning
 * only the cut-out clockwise by `rotation`. Used to return the portrait of an ID card. Coordinates are pixels of
 * `rgb`; the region is clipped to the image. For a box of an `OcrPage` without a `warp`, pass the decoded image, the
 * box mapped back with `quadToSourceFrame` and `rotation: page.rotation`: the crop comes out upright, and the whole
 * image is never turned. A deskewed page's box (`warp`) is cut from the page's render (`renderPage`) as it is.
 */
export async function encodeJpeg(
  rgb: RgbImage,
  region?: Rect | Quad,
  opts: { quality?: number; rotation?: Rotation } = {},
): Promise<Buffer> {
  const rect = !region
    ? { left: 0, top: 0, width: rgb.width, height: rgb.height }
    : Array.isArray(region)
      ? quadBounds(region, rgb.width, rgb.height)
      : clipRect(region, rgb.width, rgb.height);
  return sharp(rgb.data, { raw: { width: rgb.width, height: rgb.height, channels: 3 } })
    .extract(rect)
    .rotate(opts.rotation ?? 0)
    .jpeg({ quality: opts.quality ?? 90 })
    .toBuffer();
}

function clipRect(r: Rect, width: number, height: number): Rect {
  return quadBounds(
    [
      { x: r.left, y: r.top },
      { x: r.left + r.width, y: r.top },
      { x: r.left + r.width, y: r.top + r.height },
      { x: r.left, y: r.top + r.height },
    ],
    width,
    height,
  );
}

/**
 * Bilinear resize with OpenCV's INTER_LINEAR pixel-centre convention (what PaddleOCR's `cv2.resize` does), so the
 * detector sees the same input it was trained with. Output is RGB bytes.
 */
export function resizeBilinear(rgb: RgbImage, ow: number, oh: number): RgbImage {
  const { width: w, height: h, data } = rgb;
  const out = Buffer.allocUnsafe(ow * oh * 3);
  const sx = w / ow;
  const sy = h / oh;
  const x0s = new Int32Array(ow);
  const x1s = new Int32Array(ow);
  const fxs = new Float32Array(ow);
  for (let x = 0; x < ow; x++) {
    const fx = clamp((x + 0.5) * sx - 0.5, 0, w - 1);
    const ix = fx | 0;
    x0s[x] = ix * 3;
    x1s[x] = (ix + 1 < w ? ix + 1 : w - 1) * 3;
    fxs[x] = fx - ix;
  }
  // Integer maths and no global lookups in the inner loop: Jest's vm sandbox makes `Math.*` calls very slow.
  for (let y = 0; y < oh; y++) {
    const fy = clamp((y + 0.5) * sy - 0.5, 0, h - 1);
    const iy = fy | 0;
    const r0 = iy * w * 3;
    const r1 = (iy + 1 < h ? iy + 1 : h - 1) * w * 3;
    const wy = fy - iy;
    let o = y * ow * 3;
    for (let x = 0; x < ow; x++) {
      const a = x0s[x];
      const b = x1s[x];
      const wx = fxs[x];
      for (let c = 0; c < 3; c++) {
        const top = data[r0 + a + c] + (data[r0 + b + c] - data[r0 + a + c]) * wx;
        const bot = data[r1 + a + c] + (data[r1 + b + c] - data[r1 + a + c]) * wx;
        out[o++] = (top + (bot - top) * wy + 0.5) | 0;
      }
    }
  }
  return { width: ow, height: oh, data: out };
}

const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);
