import type { InferenceSession } from 'onnxruntime-node';
import { cropLine, packLineTensor } from './crop-warp';
import type { Quad, RgbImage } from './ocr.types';
import { runSingle } from './onnx-session';

// PaddleOCR cls_image_shape 3,48,192.
const CLS_HEIGHT = 48;
const CLS_WIDTH = 192;

/** PaddleOCR mobile v2.0 text-line direction classifier: is a line upright (0°) or upside down (180°)? */
export class TextClassifier {
  constructor(private readonly session: InferenceSession) {}

  /** Probability that each line is upside down, 0–1, in the order of `quads`. */
  async upsideDownProbability(page: RgbImage, quads: readonly Quad[]): Promise<number[]> {
    if (quads.length === 0) return [];
    const crops = quads.map((q) => cropLine(page, q, CLS_HEIGHT, CLS_WIDTH));
    const out = await runSingle(this.session, packLineTensor(crops, CLS_HEIGHT, CLS_WIDTH), [
      crops.length,
      3,
      CLS_HEIGHT,
      CLS_WIDTH,
    ]);
    // Output [N, 2]: softmax over the labels ['0', '180'].
    return crops.map((_, i) => out.data[i * 2 + 1]);
  }
}
