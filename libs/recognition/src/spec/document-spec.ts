import type { Quad, RgbImage } from '@zhengjian/ocr';
import type { PageLayout, Rect } from '../layout/page-layout';
import type { FieldReading, RecognitionWarning } from '../recognizer';
import type { ValueParser } from '../values/value-parser';

/**
 * Evidence of a document in the arrangement of its labels, which words alone do not give (other documents print
 * the same words): `row`, labels printed on one row, left to right (`性别` … `民族`); `column`, at least `min`
 * (default 3) of `labels` left-aligned top to bottom in this order; `value`, a label followed on its row by a
 * value in the document's own print (`有效期限` then `2015.03.07-2035.03.07`).
 */
export type LayoutCue =
  { row: readonly string[] } | { column: readonly string[]; min?: number } | { label: string; value: RegExp };

/**
 * What identifies a document on a page: printed titles, printed labels, and identifiers it carries (token
 * patterns). Scored once per page for every document (see `classify/`): a title counts 2, a label, a layout cue or
 * a token 1; a shared label 1, only on a page that shows one of the document's own titles, labels or layout cues.
 */
export interface Signature {
  /** Titles as printed (any one counts), e.g. `机动车驾驶证`. A title printed inside a longer title of another
   * document on the same line (`机动车驾驶证` in `机动车驾驶证副页`) counts for that document only. */
  titles: readonly string[];
  /** Labels only this document (or its family) prints. */
  labels: readonly string[];
  /** Tokens it carries (a VIN, an 18-digit number); each pattern found counts 1. */
  tokens?: readonly (RegExp | ((pageText: string) => boolean))[];
  /** What this document never shows: when one is on the page, the signature scores nothing. A token (the 810000/
   * 820000/830000 numbers of a 港澳台居民居住证 are never printed on a resident ID card) or a layout cue (the ID card
   * never prints 签发机关 in the column of its personal rows, as the one-face 一代身份证 does). */
  vetoes?: readonly (((pageText: string) => boolean) | LayoutCue)[];
  /** Layout cues (see {@link LayoutCue}): each found counts 1. */
  layout?: readonly LayoutCue[];
  /** Labels other documents print too (`姓名`, `性别`, `签发机关`): each counts 1, only once one of this document's own
   * titles, labels or layout cues is on the page (a passport's `性别` alone is no evidence of an ID card). */
  sharedLabels?: readonly string[];
  /** Documents printed on the same card (its other side): a page may show both (a photocopy of both sides), so
   * once this signature holds they never outrank it. */
  companions?: readonly number[];
  /** Points from which the page is read as this document. Default 3. */
  threshold?: number;
}

/**
 * Where a field's value sits relative to its label: `right` on the label's row (up to the next label), `below` it,
 * `continued` right of it and over the next lines (`maxLines`), or `anywhere` on the page (the field's `pattern`
 * picks the lines; the best-parsed reading wins, by the parser's confidence factor, the label's row first on a
 * tie), or `leftOf` the column its `labels` start (a
 * block without a label of its own, such as a seal's text beside a column of labels, read top to bottom), or a
 * `paragraph` right of the label and over every following row set flush with its first line (`maxLines` rows).
 */
export type Placement = 'right' | 'below' | 'continued' | 'anywhere' | 'leftOf' | 'paragraph';

export interface FieldSpec {
  /** Result key, exactly as in the catalogue (libs/juhe). */
  key: string;
  /** Label variants as printed (none for a value with no label, read `anywhere`); for `leftOf`, the column's labels. */
  labels?: readonly string[];
  /** Labels are matched exactly only (no OCR slip allowed): for short labels that would otherwise be found inside
   * other values (`经营者` in `…经营部`). */
  exactLabels?: boolean;
  /** Sub-labels printed after the label (the English `Address`, `VIN`), dropped from the value's start (any case). */
  subLabels?: readonly string[];
  at: Placement;
  /** For `continued`: lines at most (default 3); for `paragraph`: rows at most (default 60). */
  maxLines?: number;
  /** For `anywhere`: the lines that may hold the value. */
  pattern?: RegExp;
  /** For `anywhere`: parse the line as recognised, single spaces kept (romanised names `CHAN, TAI MAN`); the
   * layout's text (matched by `pattern`) has white space removed. */
  keepSpaces?: boolean;
  /** For `anywhere`: take the lowest line that holds a value rather than the highest (a date under a seal). */
  lowest?: boolean;
  parse: ValueParser;
  /** Keys the parsed value's parts fill (`{ from: '有效起始日期' }`); the field's own key gets `value` when non-empty. */
  into?: Readonly<Record<string, string>>;
  /**
   * Free text, not matched to a list or a check (a name, an address): a character the OCR model cannot read may
   * vanish from it without a trace, so a line holding more ink than its characters explain flags
   * `uncertain_characters` and lowers the confidence (× `UNCERTAIN_CONFIDENCE_FACTOR`).
   */
  freeText?: boolean;
  /**
   * For `right`: when the label is found and nothing is printed right of it (a lone glyph such as `男` or `汉` the
   * text detector missed), the region of `reread` character widths right of the label (up to the next label on
   * the row) is named in the outcome's `unread` for a second look by the recognition model.
   */
  reread?: number;
}

/** What a rule sees and may change: the fields read so far, the warnings, today's date. */
export interface RuleContext {
  readonly fields: Record<string, FieldReading>;
  readonly layout: PageLayout;
  /** `YYYY-MM-DD`, UTC. */
  readonly today: string;
  warn(warning: RecognitionWarning): void;
  /** Sets a key derived from others (confidence: the sources' lowest, × `factor`), when it is not read yet. */
  derive(key: string, value: string, from: readonly string[], factor?: number): void;
}

/** A cross-field rule: a check (adds warnings) or a derivation (fills a missing key from others). */
export type Rule = (context: RuleContext) => void;

/** Hooks for what data cannot say. */
export interface SpecHooks {
  /** Where the portrait is, in the deskewed frame, for documents that carry one. */
  portrait?: (layout: PageLayout, fields: Readonly<Record<string, FieldReading>>) => Rect | undefined;
  /**
   * Fields read from the page's pixels rather than its text (a QR code), after the text fields and rules; called
   * only when the recognizer is given a context (the service always gives one). `image()` is the upright page,
   * computed on first call. Returned fields are added where no value was read from the text.
   */
  pixels?: (
    image: () => RgbImage,
    layout: PageLayout,
    fields: Readonly<Record<string, FieldReading>>,
  ) => Record<string, FieldReading>;
  /**
   * Regions of the upright page (quads in its pixels) to read once more with the recognition model alone, for text
   * the detector cannot find as lines (a seal's name set along its arc), after the fields, rules and `pixels`; called
   * only with a context, like `pixels`. They join the outcome's `unread`: the service reads them, adds what it read
   * to the page as lines and asks the recognizer once more (when the hook asks again then, it is not answered).
   * Return `[]` when the page's text already says enough.
   */
  reread?: (image: () => RgbImage, layout: PageLayout, fields: Readonly<Record<string, FieldReading>>) => Quad[];
}

/**
 * A document as data: the one recognizer (`SpecRecognizer`) reads any spec. Keys must be the catalogue's keys of
 * `cardType`; the result's order and `""` for missing keys come from the catalogue.
 */
export interface DocumentSpec {
  cardType: number;
  signature: Signature;
  fields: readonly FieldSpec[];
  /** Labels may be printed with their characters spread apart (`名  称`): OCR may return them as separate lines. */
  spacedLabels?: boolean;
  /** Printed labels that have no result key but end the value before them (`国籍` after `性别`); the signature's
   * labels end values too. */
  otherLabels?: readonly string[];
  /** At least one of these must be read, or the page is unreadable (215305). */
  required: readonly string[];
  /** Cross-field checks and derivations, run in order after every field is read. */
  rules?: readonly Rule[];
  hooks?: SpecHooks;
}
