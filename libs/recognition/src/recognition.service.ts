import {
  acceptsImageFormat,
  buildResult,
  JuheError,
  JuheErrorCode,
  PORTRAIT_KEY,
  documentSizeOf,
  findCardType,
  isAutoClassifying,
  reasonFor,
  resultKeysFor,
} from '@zhengjian/juhe';
import { Logger } from '@nestjs/common';
import sharp from 'sharp';
import {
  type DecodedImage,
  type OcrLine,
  type OcrPage,
  type DocumentLocation,
  OcrError,
  type Quad,
  type RgbImage,
  cropDocument,
  decodeImage,
  encodeJpeg,
  localiseDocument,
  pageQuadToSource,
  quadToSourceFrame,
  renderPage,
} from '@zhengjian/ocr';
import { anotherDocument } from './classify/classify';
import { scoreSignatures } from './classify/signature-score';
import { documentBlocks } from './layout/document-blocks';
import { inkParts } from './layout/ink-parts';
import { PageLayout } from './layout/page-layout';
import type { RecognitionOutcome, RecognizedOutcome, Recognizer, RecognizerContext } from './recognizer';
import type { RecognizerRegistry } from './recognizer-registry';
import { failedReport } from './failed-report';
import { type QualityAssessment, assessQuality, describeQuality } from './quality/image-quality';
import type { OcrReader, RecognitionDetail, RecognitionReport, RecognizeOptions } from './recognition.types';

/** Upload limits; the service's `MAX_IMAGE_BYTES` must reach the worker's engine too, or the two disagree. */
export interface RecognitionLimits {
  /** Largest image, bytes (default {@link MAX_IMAGE_BYTES}); over it: 215302. */
  maxImageBytes?: number;
  /** Largest image, pixels from its header (default 40 MP); over it: 215302. */
  maxPixels?: number;
}

/** The decoded upload as it was read: `mirrored` when it was flipped left to right first (see `looksMirrored`). */
interface ReadImage extends DecodedImage {
  mirrored?: boolean;
}

/** Juhe's upload limit: 3 MB of image bytes (spec decision: 3 × 1024 × 1024). */
export const MAX_IMAGE_BYTES = 3 * 1024 * 1024;

/** Per class, as everywhere; the engine is built without Nest's injector, so it is a module constant. */
const logger = new Logger('RecognitionService');

/**
 * The embedded engine: image bytes + cardType in, a {@link RecognitionReport} out. Steps: cardType check (215303),
 * size check (215302), decoding with EXIF orientation (215304 not an accepted image, 215307 undecodable, 215302
 * over the pixel limit), OCR (rotation found automatically), the page's signatures scored against every document
 * the registry knows (215308 when another document clearly shows, whichever domain reads it), the cardType's
 * recognizer (215305 unreadable, 215308 another document; a page that fails is read once more mirrored), then the
 * portrait crop and, when asked, `_detail` and the document's outline and rectified crop (`crop`). A 215305 with
 * `detail` carries the image's quality measures in `failureDetail`. Expected failures are reports, never exceptions;
 * anything thrown is a bug for the caller's 10014 handler.
 */
export class RecognitionService {
  constructor(
    private readonly ocr: OcrReader,
    private readonly registry: RecognizerRegistry,
    private readonly limits: RecognitionLimits = {},
  ) {}

  async recognize(cardType: number, image: Buffer, options: RecognizeOptions = {}): Promise<RecognitionReport> {
    const started = performance.now();
    const timings = { decodeMs: 0, ocrMs: 0, totalMs: 0 };
    const fail = (error: JuheError): RecognitionReport =>
      failedReport(cardType, error, { ...timings, totalMs: round(performance.now() - started) });
    try {
      const recognizer = this.recognizerFor(cardType);
      let decoded: ReadImage = await this.decode(cardType, image);
      timings.decodeMs = round(performance.now() - started);
      let { page, outcome } = await this.read(recognizer, cardType, decoded);
      // A front camera saves the scene mirrored, with no EXIF tag to say so: its text reads as nothing legible.
      // When the page fails and its text scored low, the mirror image is read once; it is kept only if it reads.
      // Mirrored characters can also make up an identifier (a VIN's 17 letters and digits) that fails its check: that
      // reading gives way to the mirror image's only when the latter passes.
      const broken = outcome.status === 'recognized' && outcome.warnings.includes('checksum_failed');
      if (outcome.status === 'failed' ? looksMirrored(page, outcome.errorCode) : broken && unsureText(page)) {
        const flipped: ReadImage = { ...decoded, rgb: await flopRgb(decoded.rgb), mirrored: true };
        const second = await this.read(recognizer, cardType, flipped);
        if (
          second.outcome.status === 'recognized' &&
          !(broken && !passesWhereFirstFailed(outcome as RecognizedOutcome, second.outcome))
        ) {
          ({ page } = second);
          decoded = flipped;
          outcome = { ...second.outcome, warnings: [...second.outcome.warnings, 'mirrored'] };
        }
      }
      timings.ocrMs = round(performance.now() - started - timings.decodeMs);
      if (outcome.status === 'failed') {
        // An error answer has `result: null` (Juhe's contract): why an image was unreadable goes to the log and the
        // order's error history instead, as measures (no personal data).
        let detail = outcome.detail;
        if (options.detail && outcome.errorCode === JuheErrorCode.RecognitionFailed) {
          const quality = describeQuality(await assessQuality(decoded.rgb, page, decoded.exifOrientation ?? 1));
          detail = detail ? `${detail}; ${quality}` : quality;
          logger.log(`cardType ${cardType}: ${JuheErrorCode.RecognitionFailed}, ${quality}`);
        }
        return fail(new JuheError(outcome.errorCode, detail));
      }
      const report = await this.toReport(cardType, outcome, decoded, page, options);
      report.timings = { ...timings, totalMs: round(performance.now() - started) };
      return report;
    } catch (err) {
      if (err instanceof JuheError) return fail(err);
      if (err instanceof OcrError) return fail(fromOcrError(err));
      throw err;
    }
  }

  /** OCR, the recognizer, and a second look at regions where a labelled value was not found. */
  private async read(
    recognizer: Recognizer,
    cardType: number,
    decoded: ReadImage,
  ): Promise<{ page: OcrPage; outcome: RecognitionOutcome }> {
    const page = await this.ocr.read(decoded.rgb);
    // The page's pixels (turned upright, deskewed when the text was slanted: the engine's render), for recognizers that
    // read them synchronously (QR codes, seals, plates, the MRZ band, second looks).
    const upright = await renderPage(decoded.rgb, page);
    const whole = await this.readPage(recognizer, cardType, decoded, upright, page);
    // Several documents on one sheet (both sides of an ID card photocopied on one page): each one's labels veto the
    // other's signature, or their labels together pass for a third document (a front above a back has every label of
    // a first-generation card). The sheet is cut into blocks by its empty bands. When every block clearly shows
    // another document, the whole page's reading was such a mixture: 215308. Otherwise, when the whole page failed,
    // each block is read alone, in reading order, and the first that reads as the cardType asked is the answer.
    const blocks = documentBlocks(page);
    if (blocks.length < 2) return whole;
    const others = blocks.map((block) => this.anotherDocument(cardType, block));
    // A page read as asked is overturned only by two different documents (a front and a back), never by one document
    // whose columns stand far apart and each pass for another.
    const allOthers = others.every((other) => other !== undefined);
    if (allOthers && (whole.outcome.status === 'failed' || new Set(others).size > 1)) {
      const detail = `the page holds ${blocks.length} documents: cardType ${others.join(', ')}`;
      return { page, outcome: { status: 'failed', errorCode: 215308, detail } };
    }
    if (whole.outcome.status === 'recognized') return whole;
    for (const block of blocks) {
      const read = await this.readPage(recognizer, cardType, decoded, upright, block);
      if (read.outcome.status === 'recognized') return read;
    }
    return whole;
  }

  /** {@link read} on a page already OCR'd (or one block of it). */
  private async readPage(
    recognizer: Recognizer,
    cardType: number,
    decoded: ReadImage,
    upright: RgbImage,
    ocrPage: OcrPage,
  ): Promise<{ page: OcrPage; outcome: RecognitionOutcome }> {
    let page = ocrPage;
    const other = this.anotherDocument(cardType, page);
    if (other !== undefined) {
      return { page, outcome: { status: 'failed', errorCode: 215308, detail: `the image shows cardType ${other}` } };
    }
    const context = this.context(decoded, upright, page);
    let outcome = await recognizer.recognize(page, cardType, context);
    // A second look where a label was found and its value was not: the detector misses lone glyphs (汉, 男). Each
    // region is cut down to its ink first (a glyph far into an empty crop reads as nothing: a form's value column),
    // each part read with a few margins, the most confident reading kept.
    if (outcome.status === 'recognized' && outcome.unread?.length && this.ocr.readRegions) {
      const parts = outcome.unread.flatMap((region) => inkParts(upright, region));
      const readings = await context.readRegions(parts.flat());
      let next = 0;
      const found = parts
        .map((crops) => mostConfident(readings.slice(next, (next += crops.length))))
        .filter((l) => l.text)
        .map((l) => ({ ...l, sought: true }));
      if (found.length) {
        page = { ...page, lines: [...page.lines, ...found] };
        outcome = await recognizer.recognize(page, cardType, context);
      }
    }
    return { page, outcome };
  }

  /**
   * The cardType whose document the page clearly shows instead of the one asked for (or, for 101–104, instead of
   * every candidate), judged over every signature the registry knows; `undefined` leaves the decision to the
   * recognizer.
   */
  private anotherDocument(cardType: number, page: OcrPage): number | undefined {
    const documents = this.registry.documents();
    if (documents.length === 0) return undefined;
    const candidates = findCardType(cardType)?.candidates ?? [cardType];
    return anotherDocument(scoreSignatures(new PageLayout(page), documents), candidates)?.cardType;
  }

  private context(decoded: ReadImage, upright: RgbImage, page: OcrPage): RecognizerContext {
    return {
      mirrored: decoded.mirrored === true,
      uprightImage: () => upright,
      readRegions: (quads, options) => {
        if (!this.ocr.readRegions) throw new Error('this OCR reader cannot read regions');
        return this.ocr.readRegions(decoded.rgb, page, quads, options);
      },
    };
  }

  private recognizerFor(cardType: number) {
    if (!findCardType(cardType)) throw JuheError.unknownCardType(cardType);
    const recognizer = this.registry.get(cardType);
    if (!recognizer) throw JuheError.notSupportedYet(cardType);
    return recognizer;
  }

  private async decode(cardType: number, image: Buffer): Promise<DecodedImage> {
    const maxBytes = this.limits.maxImageBytes ?? MAX_IMAGE_BYTES;
    if (image.length === 0)
      throw new JuheError(JuheErrorCode.UploadFailed, 'the image is empty', { exposeDetail: true });
    if (image.length > maxBytes) {
      throw new JuheError(JuheErrorCode.FileTooLarge, `image is ${image.length} bytes, the limit is ${maxBytes}`, {
        exposeDetail: true,
      });
    }
    const decoded = await decodeImage(image, { maxPixels: this.limits.maxPixels });
    if (!acceptsImageFormat(cardType, decoded.format)) {
      throw new JuheError(JuheErrorCode.FileTypeError, `cardType ${cardType} accepts JPEG images only`, {
        exposeDetail: true,
      });
    }
    return decoded;
  }

  private async toReport(
    cardType: number,
    outcome: RecognizedOutcome,
    decoded: ReadImage,
    page: OcrPage,
    options: RecognizeOptions,
  ): Promise<RecognitionReport> {
    const auto = isAutoClassifying(cardType);
    const keys = resultKeysFor(cardType, auto ? outcome.cardType : undefined);
    const values: Record<string, string> = {};
    for (const [key, reading] of Object.entries(outcome.fields)) values[key] = reading.value;
    if (keys.includes(PORTRAIT_KEY)) values[PORTRAIT_KEY] = await this.portrait(decoded, page, outcome.portraitBox);
    // The catalogue's keys in order, "" for what was not read, then 证件类型 under auto-classification.
    const fields = buildResult(cardType, values, { detectedCardType: auto ? outcome.cardType : undefined });
    const report: RecognitionReport = {
      errorCode: JuheErrorCode.Success,
      reason: reasonFor(JuheErrorCode.Success),
      cardType,
      detectedCardType: outcome.cardType,
      fields,
      timings: { decodeMs: 0, ocrMs: 0, totalMs: 0 },
    };
    // Localisation serves the opt-in outputs only: the fields above were read without it.
    const outline = options.crop || (options.detail && options.outline !== false);
    const location = outline
      ? await optional('document outline', () => localiseDocument(decoded.rgb, page))
      : undefined;
    if (options.detail) {
      const quality = await assessQuality(decoded.rgb, page, decoded.exifOrientation ?? 1);
      report.detail = this.detail(outcome, decoded, page, keys, quality, location);
    }
    if (options.crop && location) {
      // The printed size gives a found outline its true proportions; a text region keeps its own.
      const size = location.localised === 'text' ? undefined : documentSizeOf(outcome.cardType);
      const crop = await optional('crop', () => cropDocument(decoded.rgb, page, location.quad, { size }));
      if (crop) report.crop = crop.jpeg.toString('base64');
    }
    return report;
  }

  private async portrait(decoded: DecodedImage, page: OcrPage, box: Quad | undefined): Promise<string> {
    if (!box) return '';
    if (page.warp) {
      return (await encodeJpeg(await renderPage(decoded.rgb, page), box, { quality: 85 })).toString('base64');
    }
    // Cut from the decoded image and turn only the cut-out: the box maps back exactly under quarter turns.
    const source = quadToSourceFrame(box, page.rotation, page.width, page.height);
    return (await encodeJpeg(decoded.rgb, source, { quality: 85, rotation: page.rotation })).toString('base64');
  }

  private detail(
    outcome: RecognizedOutcome,
    decoded: ReadImage,
    page: OcrPage,
    keys: readonly string[],
    quality: QualityAssessment,
    location?: DocumentLocation,
  ): RecognitionDetail {
    const { width, height } = decoded.rgb;
    // Boxes are grown around the text by the detector; clip them to the image they describe.
    const clip = (p: { x: number; y: number }) => ({
      x: Math.min(width, Math.max(0, Math.round(p.x))),
      y: Math.min(height, Math.max(0, Math.round(p.y))),
    });
    // In a mirrored upload, x runs the other way: the read (flipped) frame's x is width − x in the file.
    const mirrored = decoded.mirrored === true;
    const unflip = (q: Quad): Quad => (mirrored ? (q.map((p) => ({ x: width - p.x, y: p.y })) as Quad) : q);
    const toSource = (quad: Quad | undefined): Quad | null =>
      quad ? (unflip(pageQuadToSource(quad, page)).map(clip) as Quad) : null;
    const fields: RecognitionDetail['fields'] = {};
    for (const key of keys) {
      const reading = outcome.fields[key];
      if (reading) fields[key] = { confidence: reading.confidence, box: toSource(reading.box) };
    }
    const warnings = [...outcome.warnings];
    for (const signal of quality.signals) if (!warnings.includes(signal)) warnings.push(signal);
    const detail: RecognitionDetail = {
      fields,
      warnings,
      portraitBox: toSource(outcome.portraitBox),
      rotation: page.rotation,
      quality,
    };
    if (location) {
      // Not clipped: a corner of a document cut off by the image edge lies outside the image.
      const box = unflip(pageQuadToSource(location.quad, page));
      detail.document = {
        box: box.map((p) => ({ x: Math.round(p.x), y: Math.round(p.y) })) as Quad,
        localised: location.localised,
      };
    }
    return detail;
  }
}

/** OCR library failures → Juhe codes: not an accepted image 215304, over the pixel limit 215302, undecodable 215307. */
function fromOcrError(err: OcrError): JuheError {
  switch (err.code) {
    case 'unsupported_image_format':
      return new JuheError(JuheErrorCode.FileTypeError, err.message, { exposeDetail: true, cause: err });
    case 'image_too_large':
      return new JuheError(JuheErrorCode.FileTooLarge, err.message, { exposeDetail: true, cause: err });
    case 'corrupt_image':
      return new JuheError(JuheErrorCode.UploadError, err.message, { exposeDetail: true, cause: err });
  }
}

/**
 * Whether the mirror image's reading repairs a reading whose identifier failed its check: it passes every check and
 * reads at least as many fields as the first (a reading that lacks the identifier altogether repairs nothing).
 */
function passesWhereFirstFailed(first: RecognizedOutcome, second: RecognizedOutcome): boolean {
  const filled = (o: RecognizedOutcome) => Object.values(o.fields).filter((f) => f.value !== '').length;
  return !second.warnings.includes('checksum_failed') && filled(second) >= filled(first);
}

// An MRZ's filler `<` reads as `>` in a mirror image, and ICAO 9303's alphabet has no `>`.
const MIRRORED_MRZ_FILLER = />{5}/;

/**
 * Whether a page that failed may be a mirror image: the document was not read (215305) and some text was found
 * (mirrored glyphs are mostly dropped as illegible, so a mirrored card can leave as few as one or two lines, and a
 * scene with a single line of text, a plate or a VIN, none but lines seen and dropped as illegible), or the
 * recognition model was unsure of at least 3 lines (mean score under 0.8), or a line reads as an MRZ's fillers turned
 * round (`>>>>>`). A page of clear text that is another document (215308) is not read twice, nor a page where no
 * text was seen at all.
 */
export function looksMirrored(page: OcrPage, errorCode: number): boolean {
  if (page.lines.length === 0) return errorCode === 215305 && (page.illegibleLines ?? 0) > 0;
  if (errorCode === 215305) return true;
  return unsureText(page);
}

/** An MRZ's fillers read turned round, or at least 3 lines the recognition model was unsure of (mean under 0.8). */
function unsureText(page: OcrPage): boolean {
  if (page.lines.some((l) => MIRRORED_MRZ_FILLER.test(l.text))) return true;
  return page.lines.length >= 3 && page.lines.reduce((sum, l) => sum + l.score, 0) / page.lines.length < 0.8;
}

/** The image flipped left to right (libvips `flop`). */
async function flopRgb(rgb: RgbImage): Promise<RgbImage> {
  const data = await sharp(rgb.data, { raw: { width: rgb.width, height: rgb.height, channels: 3 } })
    .flop()
    .raw()
    .toBuffer();
  return { width: rgb.width, height: rgb.height, data };
}

/** The reading with text and the highest score (the first one when none has text). */
function mostConfident(readings: readonly OcrLine[]): OcrLine {
  return readings.reduce((best, r) => (r.text && (!best.text || r.score > best.score) ? r : best));
}

/**
 * An opt-in output (outline, crop) that must never turn a read document into an error: a failure is logged and the
 * output left out.
 */
async function optional<T>(what: string, make: () => Promise<T>): Promise<T | undefined> {
  try {
    return await make();
  } catch (err) {
    logger.warn(`${what} left out: ${(err as Error).message}`);
    return undefined;
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
