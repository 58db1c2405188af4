/**
 * Typed failures of the OCR library. Each carries a stable `code` so the recognition layer can map it to a
 * Juhe error code without string matching: `unsupported_image_format` → 215304, `corrupt_image` → 215307,
 * `image_too_large` → 215302.
 */
export type OcrErrorCode = 'unsupported_image_format' | 'corrupt_image' | 'image_too_large';

/** Base class of every error thrown on purpose by `@zhengjian/ocr`. */
export abstract class OcrError extends Error {
  abstract readonly code: OcrErrorCode;

  protected constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The bytes are empty, not an image, or an image format we do not accept (GIF, TIFF, PDF, HEIC…). */
export class UnsupportedImageFormatError extends OcrError {
  readonly code = 'unsupported_image_format' as const;

  constructor(
    message: string,
    /** What the magic bytes looked like, when recognisable (e.g. `gif`, `pdf`). */
    readonly detected?: string,
  ) {
    super(message);
  }
}

/** The header announces more pixels than allowed (decompression-bomb guard); nothing was decoded. */
export class ImageTooLargeError extends OcrError {
  readonly code = 'image_too_large' as const;

  constructor(
    readonly width: number,
    readonly height: number,
    readonly maxPixels: number,
  ) {
    super(`image of ${width}x${height} pixels exceeds the limit of ${maxPixels} pixels`);
  }
}

/** The format is recognised but the data is truncated or cannot be decoded. */
export class CorruptImageError extends OcrError {
  readonly code = 'corrupt_image' as const;

  constructor(message: string, cause?: unknown) {
    super(message, { cause });
  }
}
