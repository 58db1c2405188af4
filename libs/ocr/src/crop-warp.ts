import { distance, homography } from './geometry';
import type { Quad, RgbImage } from './ocr.types';

/**
 * Size of the upright crop of a quad, as PaddleOCR's `get_rotate_crop_image`: the longer of each pair of opposite
 * edges (TL→TR / BL→BR for the width, TL→BL / TR→BR for the height), at least 1 pixel.
 */
export function quadCropSize(q: Quad): { width: number; height: number } {
  return {
    width: Math.max(1, Math.round(Math.max(distance(q[0], q[1]), distance(q[3], q[2])))),
    height: Math.max(1, Math.round(Math.max(distance(q[0], q[3]), distance(q[1], q[2])))),
  };
}

/**
 * Perspective-warps the quad [TL, TR, BR, BL] of `src` to an `outW × outH` rectangle, sampling bilinearly with
 * replicated borders (cv2 `warpPerspective` + `BORDER_REPLICATE`). When shrinking by more than 1.5×, each output
 * pixel averages a k×k grid of samples so thin strokes survive (plain bilinear would alias them away).
 */
export function warpQuad(src: RgbImage, q: Quad, outW: number, outH: number): RgbImage {
  const size = quadCropSize(q);
  const shrink = Math.max(size.width / outW, size.height / outH);
  const k = shrink > 1.5 ? Math.min(4, Math.ceil(shrink)) : 1;
  const dst = [
    { x: 0, y: 0 },
    { x: outW, y: 0 },
    { x: outW, y: outH },
    { x: 0, y: outH },
  ];
  // Maps output pixel indices to source pixel indices, as cv2.getPerspectiveTransform on the corners does.
  const m = homography(dst, q);
  const out = Buffer.allocUnsafe(outW * outH * 3);
  const { width: w, height: h, data } = src;
  const n = k * k;
  // Plain arithmetic and no `Math.*` in the loop: global lookups are very slow inside Jest's vm sandbox.
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      let r = 0,
        g = 0,
        b = 0;
      for (let sy = 0; sy < k; sy++) {
        for (let sx = 0; sx < k; sx++) {
          const u = ox - 0.5 + (sx + 0.5) / k;
          const v = oy - 0.5 + (sy + 0.5) / k;
          const d = m[6] * u + m[7] * v + m[8];
          let x = (m[0] * u + m[1] * v + m[2]) / d;
          let y = (m[3] * u + m[4] * v + m[5]) / d;
          x = x < 0 ? 0 : x > w - 1 ? w - 1 : x;
          y = y < 0 ? 0 : y > h - 1 ? h - 1 : y;
          const x0 = x | 0;
          const y0 = y | 0;
          const x1 = x0 + 1 < w ? x0 + 1 : x0;
          const y1 = y0 + 1 < h ? y0 + 1 : y0;
          const fx = x - x0;
          const fy = y - y0;
          const i00 = (y0 * w + x0) * 3,
            i01 = (y0 * w + x1) * 3,
            i10 = (y1 * w + x0) * 3,
            i11 = (y1 * w + x1) * 3;
          const w00 = (1 - fx) * (1 - fy),
            w01 = fx * (1 - fy),
            w10 = (1 - fx) * fy,
            w11 = fx * fy;
          r += data[i00] * w00 + data[i01] * w01 + data[i10] * w10 + data[i11] * w11;
          g += data[i00 + 1] * w00 + data[i01 + 1] * w01 + data[i10 + 1] * w10 + data[i11 + 1] * w11;
          b += data[i00 + 2] * w00 + data[i01 + 2] * w01 + data[i10 + 2] * w10 + data[i11 + 2] * w11;
        }
      }
      const o = (oy * outW + ox) * 3;
      out[o] = (r / n + 0.5) | 0;
      out[o + 1] = (g / n + 0.5) | 0;
      out[o + 2] = (b / n + 0.5) | 0;
    }
  }
  return { width: outW, height: outH, data: out };
}

/**
 * Packs RGB crops into one NCHW float tensor of `height × batchWidth`, in BGR channel order (PaddleOCR feeds cv2's BGR
 * to every model), normalised as `(x/255 − 0.5)/0.5`; columns right of each crop are zero (PaddleOCR's padding).
 */
export function packLineTensor(crops: readonly RgbImage[], height: number, batchWidth: number): Float32Array {
  const plane = height * batchWidth;
  const tensor = new Float32Array(crops.length * 3 * plane);
  crops.forEach((crop, n) => {
    const base = n * 3 * plane;
    const cw = Math.min(crop.width, batchWidth);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < cw; x++) {
        const s = (y * crop.width + x) * 3;
        const d = y * batchWidth + x;
        tensor[base + d] = crop.data[s + 2] / 127.5 - 1;
        tensor[base + plane + d] = crop.data[s + 1] / 127.5 - 1;
        tensor[base + 2 * plane + d] = crop.data[s] / 127.5 - 1;
      }
    }
  });
  return tensor;
}

/** Height/width ratio from which a box is read as vertical text and turned (PaddleOCR `get_rotate_crop_image`). */
export const VERTICAL_RATIO = 1.5;

/** True for boxes at least 1.5× taller than wide, which PaddleOCR reads as vertical text. */
export function isVerticalBox(q: Quad): boolean {
  const size = quadCropSize(q);
  return size.height >= VERTICAL_RATIO * size.width;
}

/**
 * Crops a text box to a line image `height` pixels tall keeping its aspect ratio (width capped at `maxWidth`).
 * Boxes at least 1.5× taller than wide are vertical text: the crop is turned 90° counter-clockwise, like PaddleOCR's
 * `np.rot90`, so the characters run left to right (unless `turnVertical` is false).
 */
export function cropLine(src: RgbImage, q: Quad, height: number, maxWidth: number, turnVertical = true): RgbImage {
  const size = quadCropSize(q);
  const vertical = turnVertical && isVerticalBox(q);
  const quad: Quad = vertical ? [q[1], q[2], q[3], q[0]] : q;
  const [w, h] = vertical ? [size.height, size.width] : [size.width, size.height];
  const outW = Math.max(1, Math.min(maxWidth, Math.ceil((height * w) / h)));
  return warpQuad(src, quad, outW, height);
}
