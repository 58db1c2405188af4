/**
 * Shapes of the cardType catalogue (`card-types.ts`). Kept apart from the data so the data file and the lookup
 * module can both depend on them without importing each other.
 */

/**
 * Document family of a cardType. It follows the domain libraries of ARCHITECTURE §2, with two exceptions that
 * describe the document rather than the library implementing it: 1002 (boarding pass) and 104 (identity and
 * vehicle documents mixed) are `other`.
 */
export type CardTypeDomain = 'identity' | 'vehicle' | 'business-license' | 'travel-permit' | 'bank-card' | 'other';

/** An image format as the OCR library sniffs it from the bytes (libs/ocr `ImageFormat`). */
export type ImageFormatName = 'jpeg' | 'png' | 'webp' | 'bmp';

/** One cardType of the catalogue, as callers see it. */
export interface CardTypeInfo {
  /** The `cardType` request parameter. */
  readonly code: number;
  /** Chinese name as Juhe's cardType parameter lists it (seed 2025-03-29); 19 and 1100 are named by us. */
  readonly name: string;
  readonly domain: CardTypeDomain;
  /**
   * Result keys in output order, `头像` last when {@link hasPortrait}. Empty for the auto-classifying types
   * (101–104): their result uses the detected type's keys (see `resultKeysFor`).
   */
  readonly resultKeys: readonly string[];
  /**
   * Whether the result carries `头像` (a JPEG portrait crop, Base64 without prefix). For 101–104: whether any
   * candidate does; the detected type decides.
   */
  readonly hasPortrait: boolean;
  /** For 101–104 only: the cardTypes the image is classified into, in the order we try them. */
  readonly candidates?: readonly number[];
  /** The only image formats this cardType accepts (bank cards: JPEG); absent: every accepted format. */
  readonly imageFormats?: readonly ImageFormatName[];
}
