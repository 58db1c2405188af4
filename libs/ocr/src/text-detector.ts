import type { InferenceSession } from 'onnxruntime-node';
import { DEFAULT_DB_OPTIONS, type DbOptions, type DetectedBox, dbPostprocess } from './db-postprocess';
import { resizeBilinear } from './image-ops';
import type { RgbImage } from './ocr.types';
import { runSingle } from './onnx-session';

// ImageNet statistics in PaddleOCR's NormalizeImage order, applied to cv2's BGR channels as they come.
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

/** PP-OCRv4 DB text detector: resize, normalise, infer, DB post-process. */
export class TextDetector {
  constructor(
    private readonly session: InferenceSession,
    /** Longer side limit before inference (`det_limit_side_len`, `limit_type: max`). */
    private readonly maxSide = 960,
    private readonly db: DbOptions = DEFAULT_DB_OPTIONS,
  ) {}

  /** Detects text boxes; quads are in pixels of `image`, [TL, TR, BR, BL] of the box's min-area rectangle. */
  async detect(image: RgbImage): Promise<DetectedBox[]> {
    const { width: w, height: h } = image;
    const ratio = Math.max(w, h) > this.maxSide ? this.maxSide / Math.max(w, h) : 1;
    // DB's FPN needs sides divisible by 32 (DetResizeForTest rounds, never below 32).
    const rw = Math.max(32, Math.round((w * ratio) / 32) * 32);
    const rh = Math.max(32, Math.round((h * ratio) / 32) * 32);
    const resized = resizeBilinear(image, rw, rh);
    const out = await runSingle(this.session, toDetTensor(resized), [1, 3, rh, rw]);
    const mapH = out.dims[2];
    const mapW = out.dims[3];
    return dbPostprocess(out.data, mapW, mapH, w, h, this.db);
  }
}

/** RGB bytes → NCHW float tensor with channels in BGR order, `(x/255 − mean)/std`. */
function toDetTensor(img: RgbImage): Float32Array {
  const plane = img.width * img.height;
  const t = new Float32Array(3 * plane);
  const src = img.data;
  for (let c = 0; c < 3; c++) {
    const scale = 1 / (255 * STD[c]);
    const shift = MEAN[c] / STD[c];
    const rgbIndex = 2 - c;
    const base = c * plane;
    for (let i = 0; i < plane; i++) t[base + i] = src[i * 3 + rgbIndex] * scale - shift;
  }
  return t;
}
