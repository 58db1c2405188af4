import type { OcrPage, Quad, RgbImage } from '@zhengjian/ocr';

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
  | 'checksum_corrected'
  | 'expired'
  | 'date_inconsistent'
  | 'rotated'
  | 'blurry'
  | 'incomplete_border'
  | 'sex_inconsistent'
  | 'field_missing';

export interface RecognizedOutcome {
  status: 'recognized';
  /** The cardType actually read (differs from the one asked for only under auto-classification 101–104). */
  cardType: number;
  /** Fields by result key (Chinese, as in the catalogue). Missing keys become `""` in the envelope. */
  fields: Record<string, FieldReading>;
  /** Where the portrait is, in the upright page, for card types that carry one. */
  portraitBox?: Quad;
  warnings: RecognitionWarning[];
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
 * rather than by labels. Document recognizers ignore it.
 */
export interface RecognizerContext {
  /** The upright page's pixels (the decoded image turned by `page.rotation`), computed on first call. */
  uprightImage(): RgbImage;
  /** Reads given regions of an image as single text lines with the OCR's recognition model (no detection). */
  readRegions(image: RgbImage, quads: readonly Quad[]): Promise<{ text: string; score: number }[]>;
}

/**
 * Finds and checks the fields of one or more card types in an OCR page. Document recognizers are pure (no I/O, no
 * image access) and synchronous; a scene recognizer may read pixels and more text through `context`.
 */
export interface Recognizer {
  readonly cardTypes: readonly number[];
  recognize(
    page: OcrPage,
    cardType: number,
    context?: RecognizerContext,
  ): RecognitionOutcome | Promise<RecognitionOutcome>;
}
