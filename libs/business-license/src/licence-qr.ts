import type { RgbImage } from '@zhengjian/ocr';
import type { FieldReading, PageLayout, Rect } from '@zhengjian/recognition';
import jsQR from 'jsqr';

/** Where the QR code is looked for, in fractions of the upright page: the 2015+ licence prints it top right. */
const TOP_RIGHT: Rect = { left: 0.5, top: 0, right: 1, bottom: 0.4 };

/**
 * 二维码: the text of the licence's QR code (国家企业信用信息公示系统 link carrying the 统一社会信用代码), decoded from
 * the page's pixels with `jsqr`. Looked for above its printed caption (`扫描二维码登录…`) when OCR read it, then in
 * the top-right part of the page, then on the whole page. No field when there is none (legacy licences) or it cannot be decoded.
 */
export function readLicenceQr(image: () => RgbImage, layout: PageLayout): Record<string, FieldReading> {
  const page = image();
  const regions: Rect[] = [];
  // Any line of the caption: the QR code is above its first line (three lines of 1.4 heights at most).
  const caption = layout.lines.find((l) => /二维码|扫描|公示系统”|了解更多|监管信息/.test(l.text));
  if (caption) {
    const h = caption.rect.bottom - caption.rect.top;
    const [a, , c] = layout.toPage({
      ...caption.rect,
      top: caption.rect.top - 22 * h,
      right: caption.rect.left + 18 * h,
    });
    regions.push({
      left: a.x - 4 * h,
      top: Math.min(a.y, c.y) - 2 * h,
      right: c.x + 2 * h,
      bottom: Math.max(a.y, c.y),
    });
  }
  regions.push({
    left: TOP_RIGHT.left * page.width,
    top: TOP_RIGHT.top * page.height,
    right: TOP_RIGHT.right * page.width,
    bottom: TOP_RIGHT.bottom * page.height,
  });
  // Last, the whole page (a licence photographed from afar sits in the middle of the frame).
  regions.push({ left: 0, top: 0, right: page.width, bottom: page.height });
  for (const region of regions) {
    const text = decode(page, region);
    if (text) return { 二维码: { value: text, confidence: 1 } };
  }
  return {};
}

/** Longest side a region is decoded at: bounds the time on a 3000 px photo, keeps a module ≥ 3 pixels wide. */
const MAX_SIDE = 1000;

/** Decodes a QR code in `region` (pixels, clipped to the page), averaged down to at most {@link MAX_SIDE}. */
function decode(page: RgbImage, region: Rect): string | undefined {
  const left = Math.max(0, Math.floor(region.left));
  const top = Math.max(0, Math.floor(region.top));
  const right = Math.min(page.width, Math.ceil(region.right));
  const bottom = Math.min(page.height, Math.ceil(region.bottom));
  const step = Math.max(1, Math.ceil(Math.max(right - left, bottom - top) / MAX_SIDE));
  const w = Math.floor((right - left) / step);
  const h = Math.floor((bottom - top) / step);
  if (w < 21 || h < 21) return undefined;
  const rgba = new Uint8ClampedArray(w * h * 4);
  const area = step * step;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let dy = 0; dy < step; dy++) {
        let from = ((top + y * step + dy) * page.width + left + x * step) * 3;
        for (let dx = 0; dx < step; dx++, from += 3) {
          r += page.data[from];
          g += page.data[from + 1];
          b += page.data[from + 2];
        }
      }
      const to = (y * w + x) * 4;
      rgba[to] = r / area;
      rgba[to + 1] = g / area;
      rgba[to + 2] = b / area;
      rgba[to + 3] = 255;
    }
  }
  const found = jsQR(rgba, w, h, { inversionAttempts: 'dontInvert' });
  return found?.data || undefined;
}
