import { join } from 'node:path';
import { cropLine, packLineTensor } from './crop-warp';
import { ctcGreedyDecode, loadCharset } from './ctc-decoder';
import type { Quad } from './ocr.types';
import { defaultModelDir, loadSession, runSingle } from './onnx-session';
import { renderTextImage } from './testing/text-image';
import { TextRecognizer, widthBatches } from './text-recognizer';

describe('widthBatches', () => {
  const crop = (width: number) => ({ width, height: 48, data: Buffer.alloc(0) });

  it('groups crops of similar width, narrowest first, at most maxBatch per batch', () => {
    // 341 and 245 pixels wide once 48 high: one width batch, both padded to 341.
    const crops = [900, 100, 300, 380, 1000, 200, 1200].map(crop);
    expect(widthBatches(crops, 3)).toEqual([[1, 5, 2], [3], [0, 4], [6]]);
  });
});

describe(TextRecognizer.name, () => {
  let recognizer: TextRecognizer;
  let session: Awaited<ReturnType<typeof loadSession>>;
  let charset: string[];
  const quad = (x0: number, y0: number, x1: number, y1: number): Quad => [
    { x: x0, y: y0 },
    { x: x1, y: y0 },
    { x: x1, y: y1 },
    { x: x0, y: y1 },
  ];

  beforeAll(async () => {
    const dir = defaultModelDir();
    session = await loadSession(join(dir, 'ch_PP-OCRv4_rec_infer.onnx'), 2);
    charset = loadCharset(join(dir, 'ppocr_keys_v1.txt'));
    recognizer = new TextRecognizer(session, charset);
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

  it('reads each line as one batch of its width group reads it: same text and score', async () => {
    const img = renderTextImage(900, 200, [
      { text: '经营范围货物进出口', x: 20, y: 60, size: 30 },
      { text: '办公用品销售', x: 20, y: 140, size: 30 },
    ]);
    // 341 and 245 pixels wide once 48 high: one width batch, both padded to 341.
    const crops = [quad(16, 28, 300, 68), quad(16, 108, 220, 148)].map((q) => cropLine(img, q, 48, 48 * 60));
    const width = Math.max(...crops.map((c) => c.width));
    const batch = await runSingle(session, packLineTensor(crops, 48, width), [2, 3, 48, width]);
    const [, steps, classes] = batch.dims;
    const batched = ctcGreedyDecode(batch.data, 2, steps, classes, charset);
    const alone = await recognizer.recognizeCrops(crops);
    expect(alone.map((r) => [r.text, r.score])).toEqual(batched.map((r) => [r.text, r.score]));
    expect(alone.map((r) => r.text.trim())).toEqual(['经营范围货物进出口', '办公用品销售']);
  });
});
