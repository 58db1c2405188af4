import { join } from 'node:path';
import { loadCharset } from './ctc-decoder';
import type { Quad } from './ocr.types';
import { defaultModelDir, loadSession } from './onnx-session';
import { renderTextImage } from './testing/text-image';
import { TextRecognizer, widthBatches } from './text-recognizer';

describe('widthBatches', () => {
  const crop = (width: number) => ({ width, height: 48, data: Buffer.alloc(0) });

  it('groups crops of similar width, narrowest first, at most maxBatch per batch', () => {
    const crops = [900, 100, 300, 380, 1000, 200, 1200].map(crop);
    expect(widthBatches(crops, 3)).toEqual([[1, 5, 2], [3], [0, 4], [6]]);
  });
});

describe(TextRecognizer.name, () => {
  let recognizer: TextRecognizer;
  const quad = (x0: number, y0: number, x1: number, y1: number): Quad => [
    { x: x0, y: y0 },
    { x: x1, y: y0 },
    { x: x1, y: y1 },
    { x: x0, y: y1 },
  ];

  beforeAll(async () => {
    const dir = defaultModelDir();
    recognizer = new TextRecognizer(
      await loadSession(join(dir, 'ch_PP-OCRv4_rec_infer.onnx'), 2),
      loadCharset(join(dir, 'ppocr_keys_v1.txt')),
    );
  }, 60_000);

  it('reads a column of characters in a tall box as vertical text', async () => {
    const img = renderTextImage(
      200,
      300,
      ['中', '国', '人'].map((text, i) => ({ text, x: 80, y: 80 + i * 45, size: 40 })),
    );
    const [r] = await recognizer.recognize(img, [quad(76, 40, 124, 178)]);
    expect(r.text).toBe('中国人');
  });

  it('reads a lone narrow digit whose box is tall, and lines of any width in one call', async () => {
    const img = renderTextImage(600, 200, [
      { text: '1', x: 90, y: 80, size: 40 },
      { text: '签发机关北京市公安局', x: 20, y: 160, size: 30 },
    ]);
    const results = await recognizer.recognize(img, [quad(86, 44, 110, 86), quad(16, 128, 330, 168)]);
    expect(results.map((r) => r.text)).toEqual(['1', '签发机关北京市公安局']);
  });
});
