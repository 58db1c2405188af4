/** Raster formats the engine decodes. */
export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'bmp';

/** Result of looking at the first bytes of a file: an accepted format, a known refused one, or nothing known. */
export type SniffResult = { accepted: true; format: ImageFormat } | { accepted: false; detected?: string };

const startsWith = (bytes: Buffer, signature: number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (bytes: Buffer, start: number, end: number): string =>
  bytes.length >= end ? bytes.toString('latin1', start, end) : '';

/**
 * Identifies the format from magic bytes only (never a file name or a declared MIME type, both client-controlled).
 * Signatures: JPEG SOI `FF D8 FF`, PNG 8-byte signature, WebP `RIFF....WEBP`, BMP `BM` + a sane DIB header size.
 */
export function sniffImageFormat(bytes: Buffer): SniffResult {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { accepted: true, format: 'jpeg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { accepted: true, format: 'png' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return { accepted: true, format: 'webp' };
  if (ascii(bytes, 0, 2) === 'BM' && bytes.length >= 26) {
    // "BM" alone is too weak (plain text can start with it): require a known DIB header size.
    const dibSize = bytes.readUInt32LE(14);
    if ([12, 40, 52, 56, 64, 108, 124].includes(dibSize)) return { accepted: true, format: 'bmp' };
  }
  return { accepted: false, detected: detectRefused(bytes) };
}

function detectRefused(bytes: Buffer): string | undefined {
  const head4 = ascii(bytes, 0, 4);
  if (ascii(bytes, 0, 3) === 'GIF') return 'gif';
  if (head4 === 'II*\0' || head4 === 'MM\0*') return 'tiff';
  if (head4 === '%PDF') return 'pdf';
  if (ascii(bytes, 4, 8) === 'ftyp') return 'heif';
  if (startsWith(bytes, [0xff, 0x4f, 0xff, 0x51]) || ascii(bytes, 4, 8) === 'jP  ') return 'jpeg2000';
  return undefined;
}
