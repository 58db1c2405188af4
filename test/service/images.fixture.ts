import sharp from 'sharp';
import { renderSpecimen } from '../fixtures/specimens';

/** The images the service tests send, generated once per test file (synthetic specimens, no real person). */
export interface ServiceImages {
  /** ID card front, clean PNG, and its ground truth. */
  front: Buffer;
  frontExpected: Record<string, string>;
  back: Buffer;
  backExpected: Record<string, string>;
  /** A bank card as JPEG (asked as cardType 2 it is another document: 215308). */
  bankJpeg: Buffer;
  /** A blank white JPEG: decodes, but nothing to read (215305). */
  blankJpeg: Buffer;
  /** A small blank JPEG for load tests. */
  tinyJpeg: Buffer;
  /** The first third of a JPEG: the signature is right, decoding fails (215307). */
  truncatedJpeg: Buffer;
  gif: Buffer;
}

export async function serviceImages(seed = 1): Promise<ServiceImages> {
  const front = await renderSpecimen({ kind: 'id-front', level: 'clean', seed });
  const back = await renderSpecimen({ kind: 'id-back', level: 'clean', seed });
  const bank = await renderSpecimen({ kind: 'bank-card', level: 'clean', seed });
  const blank = (width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background: '#ffffff' } })
      .jpeg()
      .toBuffer();
  const frontJpeg = await sharp(front.data).jpeg({ quality: 90 }).toBuffer();
  return {
    front: front.data,
    frontExpected: front.entry.expected as Record<string, string>,
    back: back.data,
    backExpected: back.entry.expected as Record<string, string>,
    bankJpeg: await sharp(bank.data).jpeg({ quality: 90 }).toBuffer(),
    blankJpeg: await blank(640, 400),
    tinyJpeg: await blank(96, 60),
    truncatedJpeg: frontJpeg.subarray(0, Math.floor(frontJpeg.length / 3)),
    gif: Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64'),
  };
}
