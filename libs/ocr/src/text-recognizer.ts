import type { InferenceSession } from 'onnxruntime-node';
import { cropLine, isVerticalBox, packLineTensor } from './crop-warp';
import { type CtcResult, ctcGreedyDecode } from './ctc-decoder';
import { unexplainedGlyphs } from './glyph-gaps';
import type { Quad, RgbImage } from './ocr.types';
import { runSingle } from './onnx-session';

const REC_HEIGHT = 48;
// PaddleOCR rec_image_shape 3,48,320: a line is never padded to less than 320 (ratio 320/48). A line reads differently
// with other padding: a zone line of fillers (`0112345<<<…`) is kept padded to its batch's width and dropped at its
// own, so every line keeps the width of its batch (PaddleOCR's batching) even though it is inferred alone.
const MIN_BATCH_WIDTH = 320;
// Lines wider than this (after scaling to 48 high) are squeezed; ~60 CJK characters, far beyond any card field.
const MAX_LINE_WIDTH = 48 * 60;

/** One line as read: text, score, and where along the crop each character sits. */
export interface LineReading extends CtcResult {
  /** Centre of each character along the crop, as a fraction of the crop's width (0 = start of the text box). */
  offsets: number[];
  /** Width of the box that no recognised character accounts for, in glyphs (see `unexplainedGlyphs`). */
  unexplainedGlyphs: number;
}

/** PP-OCRv4 CTC text recogniser over quads of a page. */
export class TextRecognizer {
  constructor(
    private readonly session: InferenceSession,
    private readonly charset: readonly string[],
    /** Lines per width batch, padded to the same width (PaddleOCR `rec_batch_num` is 6). */
    private readonly batchSize = 6,
  ) {}

  /** Reads each quad of `page`; results are in the order of `quads`. */
  async recognize(page: RgbImage, quads: readonly Quad[]): Promise<LineReading[]> {
    // A lone narrow glyph ("1", "I") is also a tall box once unclipped: read tall boxes both turned (vertical text,
    // PaddleOCR's rule) and as they stand, and keep the more confident reading.
    const tall = quads.flatMap((q, i) => (isVerticalBox(q) ? [i] : []));
    const crops = quads.map((q) => cropLine(page, q, REC_HEIGHT, MAX_LINE_WIDTH));
    const upright = tall.map((i) => cropLine(page, quads[i], REC_HEIGHT, MAX_LINE_WIDTH, false));
    const all = await this.recognizeCrops([...crops, ...upright]);
    const results = all.slice(0, quads.length);
    tall.forEach((i, k) => {
      const alt = all[quads.length + k];
      if (alt.score > results[i].score) results[i] = alt;
    });
    return results;
  }

  /**
   * Reads line images that are already 48 pixels high. Lines are grouped by width and each is padded to its group's
   * width (a line's reading depends on its padding), then run one inference per line: the same input as a batch of
   * the group, read the same to the bit, at less CPU on ONNX Runtime (a licence photo's lines: ~20 % less; a batch
   * of wide lines outgrows the caches).
   */
  async recognizeCrops(crops: readonly RgbImage[]): Promise<LineReading[]> {
    const results: LineReading[] = new Array(crops.length);
    for (const idx of widthBatches(crops, this.batchSize)) {
      const width = Math.max(MIN_BATCH_WIDTH, ...idx.map((i) => crops[i].width));
      for (const i of idx) {
        const crop = crops[i];
        const out = await runSingle(this.session, packLineTensor([crop], REC_HEIGHT, width), [1, 3, REC_HEIGHT, width]);
        const [n, steps, classes] = out.dims;
        if (classes !== this.charset.length)
          throw new Error(`rec model has ${classes} classes, dictionary ${this.charset.length}`);
        // One output column per `width / steps` input pixels (8 for PP-OCRv4); the crop fills the first columns.
        const stepPx = width / steps;
        const [r] = ctcGreedyDecode(out.data, n, steps, classes, this.charset);
        const positions = r.positions ?? [];
        results[i] = {
          ...r,
          offsets: positions.map((p) => Math.min(1, ((p + 0.5) * stepPx) / crop.width)),
          unexplainedGlyphs: unexplainedGlyphs(positions, r.ink ?? [], crop.width / stepPx, REC_HEIGHT / stepPx),
        };
      }
    }
    return results;
  }
}

// A line joins a batch only if padding it costs little: width within 25% of the batch's narrowest (or 320) width.
const BATCH_WIDTH_SLACK = 1.25;

/** Groups crop indices into batches of similar width, narrowest first; padding is wasted computation on CPU. */
export function widthBatches(crops: readonly RgbImage[], maxBatch: number): number[][] {
  const order = crops.map((_, i) => i).sort((a, b) => crops[a].width - crops[b].width);
  const batches: number[][] = [];
  let current: number[] = [];
  let limit = 0;
  for (const i of order) {
    if (current.length === 0 || current.length >= maxBatch || crops[i].width > limit) {
      if (current.length > 0) batches.push(current);
      current = [];
      limit = Math.max(MIN_BATCH_WIDTH, crops[i].width) * BATCH_WIDTH_SLACK;
    }
    current.push(i);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
