import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { existsSync } from 'node:fs';
import type { RgbImage } from '../ocr.types';

// System CJK fonts (Debian fonts-noto-cjk / fonts-wqy-zenhei); the first one present is used.
const CJK_FONTS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
];

let family: string | undefined;

/** Registers a CJK font once and returns its family name; throws when no CJK font is installed. */
export function cjkFontFamily(): string {
  if (family) return family;
  const path = CJK_FONTS.find((p) => existsSync(p));
  if (!path) throw new Error(`no CJK font found; install fonts-noto-cjk (looked in ${CJK_FONTS.join(', ')})`);
  GlobalFonts.registerFromPath(path, 'TestCJK');
  family = 'TestCJK';
  return family;
}

/** A line of text to draw: position of its left baseline in pixels, font size in pixels. */
export interface TextSpec {
  text: string;
  x: number;
  y: number;
  size: number;
}

/** Renders dark text on a light background into an RGB image (test fixtures and benchmarks; no real documents). */
export function renderTextImage(width: number, height: number, lines: readonly TextSpec[]): RgbImage {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#f4f1ea';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#1a1a1a';
  const font = cjkFontFamily();
  for (const l of lines) {
    ctx.font = `${l.size}px ${font}`;
    ctx.fillText(l.text, l.x, l.y);
  }
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const rgb = Buffer.allocUnsafe(width * height * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgb[j] = rgba[i];
    rgb[j + 1] = rgba[i + 1];
    rgb[j + 2] = rgba[i + 2];
  }
  return { width, height, data: rgb };
}

/**
 * Eleven lines of card-like content on a 1000×640 page, in reading order; each `text` is exactly what the engine
 * should read (no spaces: PP-OCR drops the narrow gaps between CJK words). The lone "1" makes a box taller than wide.
 */
export const SAMPLE_LINES: readonly TextSpec[] = [
  { text: '姓名张伟明', x: 60, y: 80, size: 34 },
  { text: '1', x: 900, y: 80, size: 40 },
  { text: '性别男', x: 60, y: 140, size: 34 },
  { text: '民族汉', x: 360, y: 140, size: 34 },
  { text: '出生1988年7月16日', x: 60, y: 200, size: 34 },
  { text: '住址北京市朝阳区建国路88号', x: 60, y: 260, size: 34 },
  { text: '公民身份号码110105198807161234', x: 60, y: 330, size: 36 },
  { text: '签发机关北京市公安局朝阳分局', x: 60, y: 400, size: 30 },
  { text: '有效期限2015.03.01-2035.03.01', x: 60, y: 460, size: 30 },
  { text: '中华人民共和国居民身份证', x: 60, y: 540, size: 40 },
  { text: 'ABC-123深圳', x: 640, y: 600, size: 28 },
];
