import type { InferenceSession } from 'onnxruntime-node';
import { cropLine, isVerticalBox, packLineTensor } from './crop-warp';
import { type CtcResult, ctcGreedyDecode } from './ctc-decoder';
import { unexplainedGlyphs } from './glyph-gaps';
import type { Quad, RgbImage } from './ocr.types';
import { runSingle } from './onnx-session';

const REC_HEIGHT = 48;
// PaddleOCR rec_image_shape 3,48,320: a line narrower than 320 is padded to 320 (ratio 320/48), as it was trained.
const MIN_LINE_WIDTH = 320;
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
   * Reads line images that are already 48 pixels high, one inference per line at its own width (at least 320). On
   * ONNX Runtime CPU a batch costs more than its lines run one by one (measured on PP-OCRv4 rec, 2 threads: six
   * 320-wide lines take ~25 % more CPU batched), and a batch pads every line to its widest one.
   */
  async recognizeCrops(crops: readonly RgbImage[]): Promise<LineReading[]> {
    const results: LineReading[] = [];
    for (const crop of crops) {
      const width = Math.max(MIN_LINE_WIDTH, crop.width);
      const out = await runSingle(this.session, packLineTensor([crop], REC_HEIGHT, width), [1, 3, REC_HEIGHT, width]);
      const [n, steps, classes] = out.dims;
      if (classes !== this.charset.length)
        throw new Error(`rec model has ${classes} classes, dictionary ${this.charset.length}`);
      // One output column per `width / steps` input pixels (8 for PP-OCRv4); the crop fills the first columns.
      const stepPx = width / steps;
      const [r] = ctcGreedyDecode(out.data, n, steps, classes, this.charset);
      const positions = r.positions ?? [];
      results.push({
        ...r,
        offsets: positions.map((p) => Math.min(1, ((p + 0.5) * stepPx) / crop.width)),
        unexplainedGlyphs: unexplainedGlyphs(positions, r.ink ?? [], crop.width / stepPx, REC_HEIGHT / stepPx),
      });
    }
    return results;
  }
}
