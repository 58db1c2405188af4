import * as bmp from 'bmp-js';
import { CorruptImageError, ImageTooLargeError } from './ocr.errors';
import type { RgbImage } from './ocr.types';

const FILE_HEADER = 14;
const INFO_HEADER = 40;
const BI_BITFIELDS = 3;

interface BmpHeader {
  width: number;
  height: number;
  dibSize: number;
  bitsPerPixel: number;
  compression: number;
  colors: number;
  dataOffset: number;
}

/** Reads the dimensions and layout from the BMP headers (BITMAPINFOHEADER and its V4/V5 extensions). */
export function readBmpHeader(bytes: Buffer): BmpHeader {
  if (bytes.length < FILE_HEADER + INFO_HEADER) throw new CorruptImageError('BMP header is truncated');
  const dibSize = bytes.readUInt32LE(14);
  if (dibSize < INFO_HEADER) throw new CorruptImageError('BMP core (OS/2) headers are not supported');
  return {
    dataOffset: bytes.readUInt32LE(10),
    dibSize,
    width: bytes.readInt32LE(18),
    height: Math.abs(bytes.readInt32LE(22)),
    bitsPerPixel: bytes.readUInt16LE(28),
    compression: bytes.readUInt32LE(30),
    colors: bytes.readUInt32LE(46),
  };
}

/**
 * Decodes a BMP with bmp-js after checking the pixel limit on the header. bmp-js assumes a 40-byte info header and
 * pixel data right after the palette, and mis-reads 32-bit BITFIELDS, so V4/V5 files are re-laid out first and
 * 32-bit pixels are unpacked here.
 * @throws ImageTooLargeError when width × height > maxPixels; CorruptImageError when the data is short or invalid.
 */
export function decodeBmp(bytes: Buffer, maxPixels: number): RgbImage {
  const h = readBmpHeader(bytes);
  if (h.width <= 0 || h.height <= 0) throw new CorruptImageError(`BMP has invalid size ${h.width}x${h.height}`);
  if (h.width * h.height > maxPixels) throw new ImageTooLargeError(h.width, h.height, maxPixels);
  const rowBytes = Math.ceil((h.width * h.bitsPerPixel) / 32) * 4;
  const rle = h.compression === 1 || h.compression === 2;
  if (!rle && bytes.length < h.dataOffset + rowBytes * h.height)
    throw new CorruptImageError('BMP pixel data is truncated');
  try {
    return h.bitsPerPixel === 32 ? decode32(bytes, h, rowBytes) : decodeWithBmpJs(bytes, h);
  } catch (err) {
    throw err instanceof CorruptImageError ? err : new CorruptImageError('BMP data cannot be decoded', err);
  }
}

function decodeWithBmpJs(bytes: Buffer, h: BmpHeader): RgbImage {
  const paletteLen = h.bitsPerPixel <= 8 ? (h.colors || 1 << h.bitsPerPixel) * 4 : 0;
  // 16-bit BITFIELDS masks sit right after the 40-byte info header in every header version.
  const masks = h.compression === BI_BITFIELDS ? bytes.subarray(54, 70) : Buffer.alloc(0);
  const header = Buffer.from(bytes.subarray(0, FILE_HEADER + INFO_HEADER));
  header.writeUInt32LE(INFO_HEADER, 14);
  const palette = bytes.subarray(FILE_HEADER + h.dibSize, FILE_HEADER + h.dibSize + paletteLen);
  const relaid = Buffer.concat([header, masks, palette, bytes.subarray(h.dataOffset)]);
  const decoded = bmp.decode(relaid);
  const n = decoded.width * decoded.height;
  const rgb = Buffer.allocUnsafe(n * 3);
  for (let i = 0; i < n; i++) {
    rgb[i * 3] = decoded.data[i * 4 + 3];
    rgb[i * 3 + 1] = decoded.data[i * 4 + 2];
    rgb[i * 3 + 2] = decoded.data[i * 4 + 1];
  }
  return { width: decoded.width, height: decoded.height, data: rgb };
}

function decode32(bytes: Buffer, h: BmpHeader, rowBytes: number): RgbImage {
  const bitfields = h.compression === BI_BITFIELDS;
  const [rMask, gMask, bMask] = bitfields
    ? [bytes.readUInt32LE(54), bytes.readUInt32LE(58), bytes.readUInt32LE(62)]
    : [0x00ff0000, 0x0000ff00, 0x000000ff];
  const channel = (v: number, mask: number): number => {
    if (mask === 0) return 0;
    const shift = Math.clz32(0) - Math.clz32(mask & -mask) - 1;
    const max = mask >>> shift;
    return Math.round((((v & mask) >>> shift) * 255) / max);
  };
  const topDown = bytes.readInt32LE(22) < 0;
  const rgb = Buffer.allocUnsafe(h.width * h.height * 3);
  for (let y = 0; y < h.height; y++) {
    const row = h.dataOffset + (topDown ? y : h.height - 1 - y) * rowBytes;
    for (let x = 0; x < h.width; x++) {
      const v = bytes.readUInt32LE(row + x * 4);
      const o = (y * h.width + x) * 3;
      rgb[o] = channel(v, rMask);
      rgb[o + 1] = channel(v, gMask);
      rgb[o + 2] = channel(v, bMask);
    }
  }
  return { width: h.width, height: h.height, data: rgb };
}
