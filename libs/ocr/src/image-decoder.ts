import sharp from 'sharp';
import { decodeBmp } from './bmp-decoder';
import { type ImageFormat, sniffImageFormat } from './image-format';
import { CorruptImageError, ImageTooLargeError, OcrError, UnsupportedImageFormatError } from './ocr.errors';
import type { RgbImage } from './ocr.types';

/** Default decompression-bomb guard: 40 megapixels (a 12 MP phone photo is 4000×3000). */
export const DEFAULT_MAX_PIXELS = 40_000_000;

export interface DecodeImageOptions {
  /** Refuse images whose header announces more than this many pixels. Default {@link DEFAULT_MAX_PIXELS}. */
  maxPixels?: number;
}

/** A decoded upload: 8-bit RGB with EXIF orientation applied, plus what the file said about itself. */
export interface DecodedImage {
  rgb: RgbImage;
  /** Format sniffed from the magic bytes. */
  format: ImageFormat;
  /** EXIF orientation tag (1–8) found in the file and already applied to `rgb`; absent when there was none. */
  exifOrientation?: number;
}

/**
 * Decodes JPEG, PNG, WebP (sharp/libvips) or BMP (bmp-js) bytes into upright 8-bit RGB.
 * The pixel limit is checked on the header before any pixel is decoded; alpha is flattened onto white; grey and CMYK
 * become sRGB. Truncated data is an error, not a grey-filled image (sharp `failOn: 'truncated'`).
 * @throws UnsupportedImageFormatError empty input, not an image, or GIF/TIFF/PDF/HEIF…
 * @throws ImageTooLargeError header width × height above `maxPixels`
 * @throws CorruptImageError recognised format whose data cannot be decoded
 */
export async function decodeImage(bytes: Buffer, opts: DecodeImageOptions = {}): Promise<DecodedImage> {
  const maxPixels = opts.maxPixels ?? DEFAULT_MAX_PIXELS;
  if (bytes.length === 0) throw new UnsupportedImageFormatError('image is empty');
  const sniffed = sniffImageFormat(bytes);
  if (!sniffed.accepted) {
    const what = sniffed.detected
      ? `${sniffed.detected} images are not accepted`
      : 'data is not a JPEG, PNG, WebP or BMP image';
    throw new UnsupportedImageFormatError(what, sniffed.detected);
  }
  if (sniffed.format === 'bmp') return { rgb: decodeBmp(bytes, maxPixels), format: 'bmp' };
  return decodeWithSharp(bytes, sniffed.format, maxPixels);
}

async function decodeWithSharp(bytes: Buffer, format: ImageFormat, maxPixels: number): Promise<DecodedImage> {
  // metadata() reads the header only; libvips' own limit would refuse it there with an untyped error, so the header
  // is read without it and checked below, and the limit is kept on the decoding pipeline as a second defence.
  const open = (limit: number | false) =>
    sharp(bytes, { failOn: 'truncated', limitInputPixels: limit, sequentialRead: true });
  let meta: sharp.Metadata;
  try {
    meta = await open(false).metadata();
  } catch (err) {
    throw new CorruptImageError(`${format} header cannot be read`, err);
  }
  const { width = 0, height = 0 } = meta;
  if (width * height > maxPixels) throw new ImageTooLargeError(width, height, maxPixels);
  if (width === 0 || height === 0) throw new CorruptImageError(`${format} header has no dimensions`);
  try {
    const { data, info } = await open(maxPixels)
      .rotate()
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .removeAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new CorruptImageError(`${format} decoded to ${info.channels} channels`);
    const orientation = meta.orientation;
    return {
      rgb: { width: info.width, height: info.height, data },
      format,
      ...(orientation ? { exifOrientation: orientation } : {}),
    };
  } catch (err) {
    if (err instanceof OcrError) throw err;
    throw new CorruptImageError(`${format} data cannot be decoded`, err);
  }
}
