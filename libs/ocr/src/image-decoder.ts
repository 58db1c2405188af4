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
 * become sRGB. Truncated data is an error, not a grey-filled image (sharp `failOn: 'truncated'`, and for JPEG a scan
 * shorter than its frame header); a JPEG whose only missing part is the final EOI marker is decoded, as viewers do.
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
  return decodeWithSharp(sniffed.format === 'jpeg' ? withEoi(bytes) : bytes, sniffed.format, maxPixels);
}

/** JPEG's End Of Image marker. */
const EOI = Buffer.from([0xff, 0xd9]);

/**
 * The JPEG with its final EOI marker, added when the file does not end with one: some phones omit it, and image
 * viewers decode such files in full. If the scan data itself is cut short, libjpeg then meets the added marker in
 * the middle of the scan and warns (see {@link SCAN_CUT_SHORT}), so a truncated file is still refused.
 */
function withEoi(bytes: Buffer): Buffer {
  return bytes.subarray(-2).equals(EOI) ? bytes : Buffer.concat([bytes, EOI]);
}

/**
 * libjpeg's warning when a marker interrupts entropy-coded data (JWRN_HIT_MARKER): the scan holds fewer pixels than
 * the frame header (SOF) announces, and libjpeg would fill the rest with grey. `failOn: 'truncated'` lets it pass
 * (only a missing end of file counts as truncation there); `failOn: 'warning'` would also refuse harmless warnings
 * such as extraneous bytes before a marker, which phone files carry.
 */
const SCAN_CUT_SHORT = 'premature end of data segment';

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
  const warnings: string[] = [];
  try {
    const { data, info } = await open(maxPixels)
      .on('warning', (warning: string) => warnings.push(warning))
      .rotate()
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .removeAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) throw new CorruptImageError(`${format} decoded to ${info.channels} channels`);
    if (warnings.some((warning) => warning.includes(SCAN_CUT_SHORT))) {
      throw new CorruptImageError(`${format} data is shorter than its header announces`);
    }
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
