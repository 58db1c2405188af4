import sharp from 'sharp';
import { type OcrPage, type Quad, type RgbImage, quadToSourceFrame, quarterTurnedPage } from '@zhengjian/ocr';
import { occludedShare } from './occlusion';

/**
 * Quality signals of an uploaded photo, for `_detail.quality` (opt-in, never changing `error_code`). Each names a
 * reason a KYC platform may ask its user for a new photo; thresholds are in {@link QUALITY_THRESHOLDS} and the README.
 * - `blurry`: text edges are soft (Laplacian standard deviation at a normalised text height, over the contrast).
 * - `dim`: the document is dark (mean luminance) or its paper is grey (bright percentile).
 * - `overexposed`: the ink is washed out (the dark percentile is light).
 * - `glare`: a saturated white patch covers part of a document that is not itself white.
 * - `incomplete_border`: text touches an edge of the image (a corner or edge of the document is cut off).
 * - `copy`: a reproduction: greyscale (no colour anywhere on the document: photocopy or greyscale scan), or a colour
 *   copy or print, whose paper is the printer's flat, saturated white (the document's own tint and fine background
 *   print are gone).
 * - `occluded`: something (a finger, a sticker, a sheet of paper) covers part of the document's text.
 * - `screen`: a photo of a screen: the pixel grid of the display shows as a fine periodic pattern.
 * - `rotated`: the document is not upright in the file (quarter turns, EXIF orientation or a skew over 5°).
 */
export type QualitySignal =
  'blurry' | 'dim' | 'overexposed' | 'glare' | 'incomplete_border' | 'occluded' | 'copy' | 'screen' | 'rotated';

/** `_detail.quality`. */
export interface QualityAssessment {
  /** 0 (unusable) … 100 (clean scan): 100 × the product of each measure's margin to its threshold, × 0.6 for each
   * signal that fired (`rotated` aside: a turned photo reads as well), see README. */
  score: number;
  /** The signals that fired, in the order of {@link QualitySignal}. */
  signals: QualitySignal[];
  /**
   * Degrees, clockwise, by which the document is turned in the uploaded file (EXIF orientation, quarter turns and
   * skew together), in (-180, 180]; 0 for an upright one.
   */
  angle: number;
  /** The raw measures behind the signals (for calibration and logs; no personal data). */
  measures: QualityMeasures;
}

export interface QualityMeasures {
  /** Laplacian standard deviation over the text region at a text height of 24 px, divided by the p98 − p2 contrast. */
  sharpness: number;
  /** Mean luminance (0–255, Rec. 601) of the text region. */
  luminance: number;
  /** 2nd and 98th luminance percentiles (ink and paper). */
  dark: number;
  bright: number;
  /** Share (0–1) of the text region in flat, saturated white 16-px blocks, and the median block luminance. */
  glareShare: number;
  medianBlock: number;
  /** Mean chroma (max − min of R, G, B) over the text region, per 255 of its contrast (p98 − p2). */
  chroma: number;
  /** Share (0–1) of the text region under a flat patch of a foreign colour with text on two opposite sides
   * (`occluded`). */
  occlusion: number;
  /** Share of rows of a native-resolution patch of the text region where a display's pixel grid shows (`screen`). */
  gridShare: number;
  /** Lines of text whose box touches an edge of the image (within 0.5 % of its size). */
  linesAtEdge: number;
  /** The text's smallest distance to an edge of the image, per its own extent on that axis (0–1). */
  margin: number;
  /** Median skew of the text lines, degrees clockwise. */
  skew: number;
}

/** Where each signal fires. Calibrated on the generated degradation levels (`npm run bench:quality`). */
export const QUALITY_THRESHOLDS = {
  /** `blurry` below this normalised sharpness. */
  sharpness: 0.01,
  /** `dim` below this mean luminance, or when the paper (p98) is darker than `paper`. */
  luminance: 95,
  paper: 150,
  /** `overexposed` when the ink (p2) is lighter than this. */
  ink: 125,
  /** `glare` when at least this share of the region is flat saturated blocks, on a document whose paper is
   * darker (median block) than `glareDocument` (on white paper a highlight cannot be told from the paper). */
  glareShare: 0.05,
  glareBlock: 252,
  glareDocument: 246,
  /** `copy` below this normalised chroma, or when the paper is a copier's: the median block at `copierWhite` and
   * at least `copierShare` of the region in flat saturated blocks (printed paper keeps its tint and texture; the
   * generated scans reach a median of 253, so the margin is two levels). */
  chroma: 4,
  copierWhite: 255,
  copierShare: 0.3,
  /** `occluded` when a covered patch is at least this share of the text region. */
  occlusion: 0.02,
  /** `incomplete_border` when the text comes closer than this (share of its extent) to an edge of the image. */
  margin: 0.012,
  /** `screen` above this share of display-grid columns. */
  gridShare: 0.3,
  /** `rotated` above this skew, degrees. */
  skew: 5,
} as const;

/** Text height, pixels, at which sharpness is measured (so a far photo and a close-up compare). */
const TEXT_HEIGHT = 24;

/**
 * Measures the quality of `image` (the decoded upload, EXIF applied, in its own frame) around the text `read`
 * found. Cheap: one crop and resize by sharp to a few hundred pixels. `exifOrientation` is the file's tag (1 = none).
 */
export async function assessQuality(image: RgbImage, read: OcrPage, exifOrientation = 1): Promise<QualityAssessment> {
  // A deskewed page is measured as photographed: its slant is part of the picture's quality.
  const page = quarterTurnedPage(read);
  const source = page.lines.map((l) => quadToSourceFrame(l.box, page.rotation, page.width, page.height));
  const region = textRegion(source, image.width, image.height);
  const heights = page.lines.map((l) => lineHeight(l.box)).filter((h) => h > 0);
  const textHeight = heights.length ? median(heights) : Math.max(image.width, image.height) / 30;
  const scale = Math.min(1, TEXT_HEIGHT / textHeight);
  const width = Math.max(8, Math.round(region.width * scale));
  const height = Math.max(8, Math.round(region.height * scale));
  const { data } = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .extract(region)
    .resize(width, height, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const side = 384;
  const patch = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .extract({
      left: region.left + Math.max(0, Math.floor((region.width - side) / 2)),
      top: region.top + Math.max(0, Math.floor((region.height - side) / 2)),
      width: Math.min(side, region.width),
      height: Math.min(side, region.height),
    })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const sx = width / region.width;
  const sy = height / region.height;
  const regionQuads = source.map(
    (q) => q.map((p) => ({ x: (p.x - region.left) * sx, y: (p.y - region.top) * sy })) as Quad,
  );
  const luma = new Uint8Array(width * height);
  let chromaSum = 0;
  for (let i = 0, o = 0; i < luma.length; i++, o += 3) {
    const r = data[o]!;
    const g = data[o + 1]!;
    const b = data[o + 2]!;
    luma[i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    chromaSum += Math.max(r, g, b) - Math.min(r, g, b);
  }
  const histogram = new Array<number>(256).fill(0);
  let lumaSum = 0;
  for (const v of luma) {
    histogram[v]!++;
    lumaSum += v;
  }
  const dark = percentile(histogram, luma.length, 0.02);
  const bright = percentile(histogram, luma.length, 0.98);
  const laplacian = await sharp(Buffer.from(luma), { raw: { width, height, channels: 1 } }).stats();
  const blocks = blockMeans(luma, width, height, 16);
  const saturated = blocks.filter((b) => b.mean >= QUALITY_THRESHOLDS.glareBlock && b.std < 6).length;
  const measures: QualityMeasures = {
    sharpness: round3(laplacian.sharpness / Math.max(24, bright - dark)),
    luminance: Math.round(lumaSum / luma.length),
    dark,
    bright,
    glareShare: round3(saturated / Math.max(1, blocks.length)),
    medianBlock: Math.round(blocks.length ? median(blocks.map((b) => b.mean)) : 0),
    chroma: round3(((chromaSum / luma.length) * 255) / Math.max(24, bright - dark)),
    occlusion: round3(occludedShare(data, width, height, regionQuads, textHeight * scale)),
    gridShare: round3(displayGridShare(patch.data, patch.info.width, patch.info.height)),
    linesAtEdge: source.filter((q) => atEdge(q, image.width, image.height)).length,
    margin: round3(marginOf(source, image.width, image.height)),
    skew: round3(skewOf(page)),
  };
  const t = QUALITY_THRESHOLDS;
  const fired: Record<QualitySignal, boolean> = {
    blurry: measures.sharpness < t.sharpness,
    dim: measures.luminance < t.luminance || measures.bright < t.paper,
    // Blur lifts the ink too: a blurred photo is blurry, not overexposed.
    overexposed: measures.dark > t.ink && measures.sharpness >= t.sharpness,
    glare: measures.glareShare >= t.glareShare && measures.medianBlock <= t.glareDocument,
    incomplete_border: measures.linesAtEdge > 0 || measures.margin < t.margin,
    occluded: measures.occlusion >= t.occlusion,
    copy: measures.chroma < t.chroma || (measures.medianBlock >= t.copierWhite && measures.glareShare >= t.copierShare),
    screen: measures.gridShare > t.gridShare,
    rotated: page.rotation !== 0 || exifOrientation !== 1 || Math.abs(measures.skew) > t.skew,
  };
  const signals = (Object.keys(fired) as QualitySignal[]).filter((s) => fired[s]);
  const penalty = 0.6 ** signals.filter((s) => s !== 'rotated').length;
  return {
    score: Math.round(score(measures) * penalty),
    signals,
    angle: angleOf(page.rotation, exifOrientation, measures.skew),
    measures,
  };
}

/**
 * 100 × Π margin(measure): each margin is 1 well inside the good side, falls linearly to 0.5 at the threshold and
 * to 0 far past it. Text cut by the image edge costs 0.8 per line (at most three lines counted).
 */
function score(m: QualityMeasures): number {
  const t = QUALITY_THRESHOLDS;
  const above = (value: number, threshold: number, good: number) =>
    clamp01(0.5 + (0.5 * (value - threshold)) / (good - threshold));
  const margins = [
    above(m.sharpness, t.sharpness, t.sharpness * 2),
    above(m.luminance, t.luminance, 150),
    above(m.bright, t.paper, 200),
    above(-m.dark, -t.ink, -100),
    m.medianBlock <= t.glareDocument ? above(-m.glareShare, -t.glareShare, 0) : 1,
    0.8 ** Math.min(3, m.linesAtEdge),
  ];
  return Math.round(100 * margins.reduce((a, b) => a * b, 1));
}

/** The bounding rectangle of the text (source pixels) grown by 4 % of its size; the whole image without text. */
function textRegion(quads: readonly Quad[], width: number, height: number) {
  if (!quads.length) return { left: 0, top: 0, width, height };
  const xs = quads.flatMap((q) => q.map((p) => p.x));
  const ys = quads.flatMap((q) => q.map((p) => p.y));
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const mx = (x1 - x0) * 0.04;
  const my = (y1 - y0) * 0.04;
  const left = clampInt(x0 - mx, 0, width - 1);
  const top = clampInt(y0 - my, 0, height - 1);
  const right = clampInt(x1 + mx, left + 1, width);
  const bottom = clampInt(y1 + my, top + 1, height);
  return { left, top, width: right - left, height: bottom - top };
}

function lineHeight(q: Quad): number {
  return (Math.hypot(q[3].x - q[0].x, q[3].y - q[0].y) + Math.hypot(q[2].x - q[1].x, q[2].y - q[1].y)) / 2;
}

function atEdge(q: Quad, width: number, height: number): boolean {
  const mx = width * 0.005;
  const my = height * 0.005;
  return q.some((p) => p.x <= mx || p.y <= my || p.x >= width - mx || p.y >= height - my);
}

/** Median angle of the long lines' baselines in the upright page, degrees clockwise (0 without long lines). */
function skewOf(page: OcrPage): number {
  const angles: number[] = [];
  for (const { box } of page.lines) {
    const dx = box[1].x - box[0].x;
    const dy = box[1].y - box[0].y;
    if (Math.hypot(dx, dy) >= 3 * lineHeight(box)) angles.push((Math.atan2(dy, dx) * 180) / Math.PI);
  }
  return angles.length ? median(angles) : 0;
}

/** Clockwise degrees from upright to the file: EXIF turn, then the page's quarter turns, then skew. */
function angleOf(rotation: number, exifOrientation: number, skew: number): number {
  const exif = ({ 3: 180, 6: 90, 8: 270 } as Record<number, number>)[exifOrientation] ?? 0;
  // `rotation` turned the decoded image clockwise to upright, so the file shows it turned the other way.
  let angle = (exif + (360 - rotation) - skew) % 360;
  if (angle > 180) angle -= 360;
  if (angle <= -180) angle += 360;
  return Math.round(angle * 10) / 10;
}

/** Mean and standard deviation of each `size`² block. */
function blockMeans(luma: Uint8Array, width: number, height: number, size: number): { mean: number; std: number }[] {
  const blocks: { mean: number; std: number }[] = [];
  const n = size * size;
  for (let by = 0; by + size <= height; by += size) {
    for (let bx = 0; bx + size <= width; bx += size) {
      let sum = 0;
      let squares = 0;
      for (let y = by; y < by + size; y++) {
        for (let x = bx; x < bx + size; x++) {
          const v = luma[y * width + x]!;
          sum += v;
          squares += v * v;
        }
      }
      const mean = sum / n;
      blocks.push({ mean, std: Math.sqrt(Math.max(0, squares / n - mean * mean)) });
    }
  }
  return blocks;
}

/** The text's smallest gap to an image edge, per the text's extent on that axis (1 without text). */
function marginOf(quads: readonly Quad[], width: number, height: number): number {
  if (!quads.length) return 1;
  const xs = quads.flatMap((q) => q.map((p) => p.x));
  const ys = quads.flatMap((q) => q.map((p) => p.y));
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const w = Math.max(1, x1 - x0);
  const h = Math.max(1, y1 - y0);
  return Math.max(0, Math.min(x0 / w, (width - x1) / w, y0 / h, (height - y1) / h));
}

/**
 * A display photographed close up shows its sub-pixels: along a row, the channel that dominates (R, G or B) on
 * bright, coloured pixels repeats with the display's pixel pitch, which printed paper never does (paper is grey
 * there, and sensor noise changes the dominant channel at random). A row counts as a grid row when the dominant
 * channel changes often (over 15 % of steps) and repeats at some lag of 3–16 pixels for over 75 % of pixels.
 * Measured on a patch of the text region at the upload's own resolution (a resize would erase the grid).
 */
function displayGridShare(rgb: Buffer, width: number, height: number): number {
  let rows = 0;
  let gridRows = 0;
  const dominant = new Int8Array(width);
  for (let y = 0; y < height; y += 3) {
    let coloured = 0;
    let changes = 0;
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      const r = rgb[o]!;
      const g = rgb[o + 1]!;
      const b = rgb[o + 2]!;
      const bright = Math.max(r, g, b) >= 90;
      dominant[x] = !bright || Math.max(r, g, b) - Math.min(r, g, b) < 20 ? -1 : r >= g && r >= b ? 0 : g >= b ? 1 : 2;
      if (dominant[x]! >= 0) {
        coloured++;
        if (x > 0 && dominant[x - 1]! >= 0 && dominant[x - 1] !== dominant[x]) changes++;
      }
    }
    if (coloured < width / 3) continue;
    rows++;
    if (changes / coloured < 0.15) continue;
    let best = 0;
    for (let lag = 3; lag <= 16; lag++) {
      let pairs = 0;
      let same = 0;
      for (let x = 0; x + lag < width; x++) {
        if (dominant[x]! < 0 || dominant[x + lag]! < 0) continue;
        pairs++;
        if (dominant[x] === dominant[x + lag]) same++;
      }
      if (pairs > width / 4) best = Math.max(best, same / pairs);
    }
    if (best > 0.75) gridRows++;
  }
  return rows ? gridRows / rows : 0;
}

function percentile(histogram: readonly number[], total: number, q: number): number {
  const target = total * q;
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v]!;
    if (seen >= target) return v;
  }
  return 255;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
const clampInt = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v)));
const round3 = (v: number) => Math.round(v * 1000) / 1000;

/**
 * One line for logs and the order's error history (`error_events.detail`) saying how the image looked, e.g.
 * `quality 21 [blurry, dim] sharpness 0.004 luminance 80 chroma 9.1 occlusion 0`: no personal data, only measures.
 */
export function describeQuality(q: QualityAssessment): string {
  const m = q.measures;
  const signals = q.signals.length ? q.signals.join(', ') : 'no signal';
  return (
    `quality ${q.score} [${signals}] sharpness ${m.sharpness} luminance ${m.luminance} ink ${m.dark} paper ${m.bright}` +
    ` chroma ${m.chroma} occlusion ${m.occlusion} text at edge ${m.linesAtEdge}`
  );
}
