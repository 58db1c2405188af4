import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { decodeImage } from './image-decoder';
import { CorruptImageError, ImageTooLargeError, UnsupportedImageFormatError } from './ocr.errors';

/** A PNG announcing `w × h` with only the first scanline of data: a valid header, a few bytes, no real pixels. */
function pngHeaderOnly(w: number, h: number): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1 + w * 3))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Uncompressed BMP: 24-bit bottom-up with a 40-byte header, or 32-bit top-down BITFIELDS with a 124-byte V5 header. */
function bmp(w: number, h: number, pixel: (x: number, y: number) => [number, number, number], bits: 24 | 32): Buffer {
  const dib = bits === 24 ? 40 : 124;
  const row = Math.ceil((w * bits) / 32) * 4;
  const offset = 14 + dib;
  const buf = Buffer.alloc(offset + row * h);
  buf.write('BM', 0, 'latin1');
  buf.writeUInt32LE(buf.length, 2);
  buf.writeUInt32LE(offset, 10);
  buf.writeUInt32LE(dib, 14);
  buf.writeInt32LE(w, 18);
  buf.writeInt32LE(bits === 24 ? h : -h, 22);
  buf.writeUInt16LE(1, 26);
  buf.writeUInt16LE(bits, 28);
  if (bits === 32) {
    buf.writeUInt32LE(3, 30);
    [0x00ff0000, 0x0000ff00, 0x000000ff, 0xff000000].forEach((m, i) => buf.writeUInt32LE(m >>> 0, 54 + i * 4));
  }
  for (let y = 0; y < h; y++) {
    const fileRow = bits === 24 ? h - 1 - y : y;
    for (let x = 0; x < w; x++) {
      const [r, g, b] = pixel(x, y);
      const o = offset + fileRow * row + (x * bits) / 8;
      buf.set(bits === 24 ? [b, g, r] : [b, g, r, 255], o);
    }
  }
  return buf;
}

const colour = (x: number, y: number): [number, number, number] => [x * 40, y * 60, 255 - x * 10];
const expected = (w: number, h: number): number[] =>
  Array.from({ length: w * h }, (_, i) => colour(i % w, Math.floor(i / w))).flat();

describe('decodeImage', () => {
  it('refuses an empty buffer and random bytes as unsupported', async () => {
    await expect(decodeImage(Buffer.alloc(0))).rejects.toBeInstanceOf(UnsupportedImageFormatError);
    const random = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 251));
    await expect(decodeImage(random)).rejects.toMatchObject({ code: 'unsupported_image_format' });
  });

  it('names refused formats found by magic bytes', async () => {
    await expect(decodeImage(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'))).rejects.toMatchObject({
      detected: 'gif',
    });
    await expect(decodeImage(Buffer.from('%PDF-1.7\n', 'latin1'))).rejects.toMatchObject({ detected: 'pdf' });
    await expect(decodeImage(Buffer.from('II*\0\x08\0\0\0', 'latin1'))).rejects.toMatchObject({ detected: 'tiff' });
  });

  it('refuses a truncated JPEG as corrupt', async () => {
    const jpeg = await sharp({ create: { width: 200, height: 150, channels: 3, background: '#3366cc' } })
      .jpeg()
      .toBuffer();
    const cut = jpeg.subarray(0, Math.floor(jpeg.length / 2));
    await expect(decodeImage(cut)).rejects.toBeInstanceOf(CorruptImageError);
    await expect(decodeImage(cut)).rejects.toMatchObject({ code: 'corrupt_image' });
  });

  it('decodes a JPEG without its final EOI marker to the same pixels as the whole file', async () => {
    const jpeg = await sharp(Buffer.from(expected(8, 6)), { raw: { width: 8, height: 6, channels: 3 } })
      .resize(160, 120)
      .jpeg({ quality: 90 })
      .toBuffer();
    expect([...jpeg.subarray(-2)]).toEqual([0xff, 0xd9]);
    const whole = await decodeImage(jpeg);
    const withoutEoi = await decodeImage(jpeg.subarray(0, -2));
    expect(withoutEoi.format).toBe('jpeg');
    expect(withoutEoi.rgb.width).toBe(160);
    expect(withoutEoi.rgb.data.equals(whole.rgb.data)).toBe(true);
  });

  it('refuses a JPEG cut in the middle of its scan, with or without an EOI after the cut', async () => {
    const jpeg = await sharp({ create: { width: 200, height: 150, channels: 3, background: '#3366cc' } })
      .jpeg()
      .toBuffer();
    const cut = jpeg.subarray(0, jpeg.length - 40);
    await expect(decodeImage(cut)).rejects.toMatchObject({ code: 'corrupt_image' });
    await expect(decodeImage(Buffer.concat([cut, Buffer.from([0xff, 0xd9])]))).rejects.toMatchObject({
      code: 'corrupt_image',
      message: 'jpeg data is shorter than its header announces',
    });
  });

  it('refuses a JPEG whose frame header (SOF) announces more rows than its scan holds', async () => {
    const jpeg = await sharp({ create: { width: 200, height: 150, channels: 3, background: '#3366cc' } })
      .jpeg()
      .toBuffer();
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    expect(jpeg.readUInt16BE(sof + 5)).toBe(150);
    const taller = Buffer.from(jpeg);
    taller.writeUInt16BE(1500, sof + 5);
    await expect(decodeImage(taller)).rejects.toMatchObject({
      code: 'corrupt_image',
      message: 'jpeg data is shorter than its header announces',
    });
  });

  it('refuses a 20000×20000 PNG from its header, without decoding', async () => {
    const err = await decodeImage(pngHeaderOnly(20000, 20000)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImageTooLargeError);
    expect(err).toMatchObject({ code: 'image_too_large', width: 20000, height: 20000, maxPixels: 40_000_000 });
  });

  it('honours a configured pixel limit', async () => {
    const png = await sharp({ create: { width: 100, height: 100, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer();
    await expect(decodeImage(png, { maxPixels: 9999 })).rejects.toBeInstanceOf(ImageTooLargeError);
    await expect(decodeImage(png, { maxPixels: 10000 })).resolves.toMatchObject({
      format: 'png',
      rgb: { width: 100, height: 100 },
    });
  });

  it('applies the EXIF orientation (6 = turn 90° clockwise) and reports it', async () => {
    const jpeg = await sharp({ create: { width: 120, height: 80, channels: 3, background: '#808080' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const decoded = await decodeImage(jpeg);
    expect(decoded).toMatchObject({ format: 'jpeg', exifOrientation: 6, rgb: { width: 80, height: 120 } });
    expect(decoded.rgb.data).toHaveLength(80 * 120 * 3);
  });

  it('flattens PNG alpha onto white and decodes WebP', async () => {
    const png = await sharp({
      create: { width: 4, height: 4, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const decoded = await decodeImage(png);
    expect([...decoded.rgb.data.subarray(0, 3)]).toEqual([255, 255, 255]);
    const webp = await sharp({ create: { width: 6, height: 5, channels: 3, background: '#ffffff' } })
      .webp()
      .toBuffer();
    await expect(decodeImage(webp)).resolves.toMatchObject({ format: 'webp', rgb: { width: 6, height: 5 } });
  });

  it.each([24, 32] as const)('decodes a %i-bit BMP pixel for pixel', async (bits) => {
    const decoded = await decodeImage(bmp(5, 3, colour, bits));
    expect(decoded.format).toBe('bmp');
    expect(decoded.rgb).toMatchObject({ width: 5, height: 3 });
    expect([...decoded.rgb.data]).toEqual(expected(5, 3));
  });

  it('checks the BMP pixel limit and truncation before decoding', async () => {
    const header = bmp(5, 3, colour, 24);
    header.writeInt32LE(30000, 18);
    header.writeInt32LE(30000, 22);
    await expect(decodeImage(header)).rejects.toBeInstanceOf(ImageTooLargeError);
    const full = bmp(50, 40, colour, 24);
    await expect(decodeImage(full.subarray(0, full.length - 100))).rejects.toBeInstanceOf(CorruptImageError);
  });
});
