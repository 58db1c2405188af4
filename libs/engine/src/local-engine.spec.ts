import type { OcrPage } from '@zhengjian/ocr';
import sharp from 'sharp';
import { firstGenerationPage } from '../../identity/testing/identity-document-pages';
import { frontLines, page } from '../../identity/testing/id-card-pages';
import { permitBackPage } from '../../travel-permit/testing/permit-pages';
import { createRecognitionService } from './local-engine';

/** The engine's answer to `cardType` for an image the OCR reads as `ocr` (the image's pixels are blank): the error
 * code and detail, or the type read. */
async function answer(cardType: number, ocr: OcrPage): Promise<string> {
  const image = await sharp({
    create: { width: ocr.width, height: ocr.height, channels: 3, background: { r: 240, g: 240, b: 230 } },
  })
    .jpeg()
    .toBuffer();
  const report = await createRecognitionService({ read: async () => ocr }).recognize(cardType, image);
  if (report.errorCode !== 0) return `${report.errorCode} ${report.failureDetail ?? ''}`.trim();
  return `0 read as ${report.detectedCardType}`;
}

/** Documents of one domain that carry cues of another's, classified over every document the engine knows. */
describe('the local engine across domains', () => {
  // A 港澳居民来往内地通行证 back: the holder's HKID printed and the 3 × 30 zone (checks hold).
  const permitBack = permitBackPage('F030526(6)', [
    'CRH866230860<2709123<7301201<8',
    'MMLHNAMANAMATAM<<YAN<YAN<<<<<<',
    'F<F0305266<<<02<<<<<<<<<<<<<<<',
  ]);

  it('answers 215308 to the 香港身份證 (1001) for a permit back whose HKID is its only cue of the card', async () => {
    expect(await answer(1001, permitBack)).toBe('215308 the image shows cardType 15');
    expect(await answer(15, permitBack)).toBe('0 read as 15');
  });

  it.each([3, 101, 104])('answers 215308 to cardType %s for a 一代身份证', async (cardType) => {
    expect(await answer(cardType, firstGenerationPage(false))).toBe('215308 the image shows cardType 1');
  });

  it('reads the 一代身份证 as cardType 1 and the resident ID card front under 101', async () => {
    expect(await answer(1, firstGenerationPage(true, '450102780521301'))).toBe('0 read as 1');
    expect(await answer(101, page(frontLines()))).toBe('0 read as 2');
  });
});
