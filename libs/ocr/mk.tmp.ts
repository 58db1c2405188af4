import sharp from 'sharp';
import { renderTextImage, SAMPLE_LINES } from './src/testing/text-image';
import { OcrEngine, decodeImage } from '@zhengjian/ocr';
(async () => {
  const img = renderTextImage(1000, 640, SAMPLE_LINES);
  const card = await sharp(img.data, { raw: { width: 1000, height: 640, channels: 3 } }).resize({ width: 1100 }).png().toBuffer();
  const jpg = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#8a7f70' } }).composite([{ input: card, left: 1400, top: 1100 }]).jpeg({ quality: 85 }).toBuffer();
  const { rgb } = await decodeImage(jpg);
  for (const side of [960, 1280, 1600]) {
    const e = await OcrEngine.create({ detMaxSide: side });
    await e.read(rgb);
    const t = performance.now();
    const page = await e.read(rgb);
    const got = page.lines.map((l) => l.text);
    const exp = SAMPLE_LINES.map((l) => l.text);
    console.log(side, 'rot', page.rotation, (performance.now() - t).toFixed(0), 'ms', exp.filter((x) => got.includes(x)).length + '/' + exp.length, got.filter((x) => !exp.includes(x)).join(' | '));
  }
})();
