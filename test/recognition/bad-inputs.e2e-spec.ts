import type { RecognitionService } from '@zhengjian/recognition';
import { toEnvelope } from '@zhengjian/recognition';
import sharp from 'sharp';
import { renderSpecimen } from '../fixtures/specimens';
import { localService } from './engine';
import { hugeBlackPng } from './huge-png';

describe('bad inputs get the right Juhe envelope, never a crash', () => {
  let service: RecognitionService;
  let photoJpeg: Buffer;
  beforeAll(async () => {
    service = await localService();
    photoJpeg = (await renderSpecimen({ kind: 'id-front', level: 'photo', seed: 77 })).data;
  }, 120_000);

  const envelope = async (cardType: number, bytes: Buffer) => toEnvelope(await service.recognize(cardType, bytes));

  it('answers 215306 for an empty file', async () => {
    expect(await envelope(2, Buffer.alloc(0))).toEqual({
      error_code: 215306,
      reason: '图片上传失败 (the image is empty)',
      result: null,
    });
  });

  it('answers 215304 for bytes that are not an image', async () => {
    const result = await envelope(2, Buffer.from('%PDF-1.7 this is not an image', 'latin1'));
    expect(result.error_code).toBe(215304);
    expect(result.result).toBeNull();
  });

  it('answers 215304 for a GIF', async () => {
    const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
      .gif()
      .toBuffer();
    expect((await envelope(2, gif)).error_code).toBe(215304);
  });

  it('answers 215307 for a truncated JPEG', async () => {
    const truncated = photoJpeg.subarray(0, Math.floor(photoJpeg.length / 2));
    expect((await envelope(2, truncated)).error_code).toBe(215307);
  });

  it('answers 215302 for a 20000×20000 PNG without decoding it', async () => {
    const huge = hugeBlackPng(20000, 20000);
    expect(await sharp(huge, { limitInputPixels: false }).metadata()).toMatchObject({
      format: 'png',
      width: 20000,
      height: 20000,
    });
    const before = process.memoryUsage().rss;
    const result = await envelope(2, huge);
    expect(result.error_code).toBe(215302);
    // 400 megapixels decoded would need > 1 GB; refusing from the header needs next to nothing.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  }, 60_000);

  it('answers 215302 for a file over 3 MB', async () => {
    const big = Buffer.concat([photoJpeg, Buffer.alloc(3 * 1024 * 1024)]);
    expect((await envelope(2, big)).error_code).toBe(215302);
  });

  it('answers 215303 for a cardType outside the catalogue', async () => {
    expect(await envelope(8, photoJpeg)).toEqual({ error_code: 215303, reason: 'cardType error!', result: null });
  });

  it.each([
    ['bank-card', 2],
    ['business-licence', 2],
    ['bank-card', 101],
    ['business-licence', 3],
    ['id-front', 17],
    ['driving-main', 17],
    ['business-licence', 17],
  ] as const)(
    'answers 215308 for a %s sent as cardType %i',
    async (kind, cardType) => {
      const specimen = await renderSpecimen({ kind, level: 'photo', seed: 5 });
      expect(await envelope(cardType, specimen.data)).toEqual({
        error_code: 215308,
        reason: '证件类型错误',
        result: null,
      });
    },
    60_000,
  );

  it('answers 215308 for the back of the card sent as the front, and the front sent as the back', async () => {
    const back = await renderSpecimen({ kind: 'id-back', level: 'scan', seed: 9 });
    const front = await renderSpecimen({ kind: 'id-front', level: 'scan', seed: 9 });
    expect((await envelope(2, back.data)).error_code).toBe(215308);
    expect((await envelope(3, front.data)).error_code).toBe(215308);
  }, 60_000);

  it('answers 215305 for a blank photo with no card on it', async () => {
    const blank = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#d8d4cc' } })
      .jpeg()
      .toBuffer();
    expect((await envelope(2, blank)).error_code).toBe(215305);
  }, 60_000);
});
