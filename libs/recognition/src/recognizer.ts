import type { OcrLine, OcrPage, Quad, RgbImage } from '@zhengjian/ocr';
import type { Classifiable } from './classify/signature-score';

/** One field as read: the value in the contract's format, a 0–1 confidence, and where it was found. */
export interface FieldReading {
  /** Value in the format `shared/spec/card-types.md` gives for this key (`""` when not found). */
  value: string;
  /** 0–1: the OCR confidence of the characters used, lowered when a check had to correct them. */
  confidence: number;
  /** Pixel quad in the upright page (the union of the OCR boxes the value came from). */
  box?: Quad;
}

/** Machine-readable warnings; they never change `error_code` (ARCHITECTURE §3.1). */
export type RecognitionWarning =
  | 'checksum_failed'
  /** A date printed or encoded (e.g. digits 7–14 of a 公民身份号码) is not a real calendar date. */
  | 'date_invalid'
  /** The text box holds more than the recognised characters explain: a character may have been dropped. */
  | 'uncertain_characters'
  | 'checksum_corrected'
  | 'expired'
  | 'date_inconsistent'
  | 'rotated'
  | 'blurry'
  | 'incomplete_border'
  | 'sex_inconsistent'
  | 'field_missing'
  /** Photo quality (see `quality/image-quality.ts`): also in `_detail.quality.signals`. */
  | 'dim'
  | 'overexposed'
  | 'glare'
  | 'occluded'
  | 'copy'
  | 'screen'
  /** The upload was a mirror image (a front camera's) and was read flipped; boxes are in the upload's pixels. */
  | 'mirrored'
  /** A field printed in the visual zone disagrees with the machine-readable zone (ICAO 9303): `mrz_mismatch:<key>`. */
  | `mrz_mismatch:${string}`;

export interface RecognizedOutcome {
  status: 'recognized';
  /** The cardType actually read (differs from the one asked for only under auto-classification 101–104). */
  cardType: number;
  /** Fields by result key (Chinese, as in the catalogue). Missing keys become `""` in the envelope. */
  fields: Record<string, FieldReading>;
  /** Where the portrait is, in the upright page, for card types that carry one. */
  portraitBox?: Quad;
  warnings: RecognitionWarning[];
  /**
   * Regions (upright-page quads) where a labelled value must be printed but no text was found: the service reads
   * them with the recognition model alone, adds what it read to the page and asks the recognizer once more.
   */
  unread?: Quad[];
}

export interface FailedOutcome {
  status: 'failed';
  /** 215305: the right document but unreadable (billed). 215308: another document than the one asked for. */
  errorCode: 215305 | 215308;
  /** Why, for logs and `reason` detail; never contains personal data. */
  detail: string;
}

export type RecognitionOutcome = RecognizedOutcome | FailedOutcome;

/**
 * What a recognizer may use beyond the OCR page, for scene types (licence plates) whose text is located by its pixels
 * rather than by labels, and for documents whose spec reads a field from pixels (a QR code). Document recognizers
 * otherwise ignore it (they ask for a second look through
 * {@link RecognizedOutcome.unread}, which the service reads with the same {@link RecognizerContext.readRegions}).
 */
export interface RecognizerContext {
  /**
   * The page's pixels, in which every box of the page lies: the decoded image turned by `page.rotation`, or for a
   * deskewed page (`page.warp`) the engine's render of it (turned, deskewed, cut to the text region). By libvips,
   * once per reading.
   */
  uprightImage(): RgbImage;
  /**
   * Reads regions of the upright page (quads in its pixels) as single text lines with the OCR's recognition model
   * alone (`OcrEngine.readRegions`): one line per quad, in order, text `""` when nothing was read or its score is
   * under `minScore` (default the engine's floor; 0 keeps every reading).
   */
  readRegions(quads: readonly Quad[], options?: { minScore?: number }): Promise<OcrLine[]>;
  /**
   * The page is the upload flipped left to right (a front camera's mirror image, see `looksMirrored`): a position a
   * recognizer puts in a field value, in the upload's pixels, has its x turned back (width − x).
   */
  readonly mirrored?: boolean;
}

/**
 * Finds and checks the fields of one or more card types in an OCR page. Document recognizers are pure (no I/O, no
 * image access) and synchronous ({@link DocumentRecognizer}); a scene recognizer may read pixels and more text
 * through `context` and answer with a promise.
 */
export interface Recognizer {
  readonly cardTypes: readonly number[];
  /**
   * The signatures of the documents this recognizer knows (those it reads, and any others it classifies against).
   * The registry pools every recognizer's signatures, and the service refuses with 215308, before any recognizer
   * runs, a page that clearly shows another document than the one asked for (see `anotherDocument`).
   */
  readonly documents?: readonly Classifiable[];
  recognize(
    page: OcrPage,
    cardType: number,
    context?: RecognizerContext,
  ): RecognitionOutcome | Promise<RecognitionOutcome>;
}

/** A document recognizer: pure and synchronous, usable inside another recognizer (classification, composites). */
export interface DocumentRecognizer extends Recognizer {
  recognize(page: OcrPage, cardType: number): RecognitionOutcome;
}
