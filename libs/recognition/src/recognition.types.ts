import type { JuheErrorCode } from '@zhengjian/juhe';
import type { Localisation, Quad, Rotation } from '@zhengjian/ocr';
import type { QualityAssessment } from './quality/image-quality';
import type { RecognitionWarning } from './recognizer';

/** Reads the text of an upright-able RGB image; `OcrEngine` from `@zhengjian/ocr` is the production one. */
export interface OcrReader {
  read(image: import('@zhengjian/ocr').RgbImage): Promise<import('@zhengjian/ocr').OcrPage>;
  /**
   * Recognises regions of the page `read` made from `image` (quads in upright-page pixels) with the recognition model
   * alone: one line per quad, text `""` when nothing was read or it scored under `options.minScore`. Optional:
   * without it, values the detector missed stay missing and scene types (licence plates) cannot be read.
   */
  readRegions?(
    image: import('@zhengjian/ocr').RgbImage,
    page: Pick<import('@zhengjian/ocr').OcrPage, 'rotation' | 'width' | 'height' | 'warp'>,
    quads: readonly Quad[],
    options?: { minScore?: number },
  ): Promise<import('@zhengjian/ocr').OcrLine[]>;
}

export interface RecognizeOptions {
  /** Add `_detail` (confidence, boxes, warnings) to the result (ARCHITECTURE §3.1, opt-in). */
  detail?: boolean;
  /** Add `_crop`: the document cut out of the photo and warped upright, JPEG Base64 (opt-in). */
  crop?: boolean;
  /**
   * With `detail`: find the document's outline for `_detail.document` (default true; 0.1–0.3 s on 2 cores). A caller
   * that keeps `_detail` no client asked for (the worker stores it for every order) passes false.
   */
  outline?: boolean;
}

/** Per-field detail of the opt-in `_detail` extension. Boxes are pixel quads in the uploaded image (EXIF applied). */
export interface FieldDetail {
  confidence: number;
  box: Quad | null;
}

export interface RecognitionDetail {
  fields: Record<string, FieldDetail>;
  warnings: RecognitionWarning[];
  /** Pixel quad of the portrait in the uploaded image, when the card type carries one and it was found. */
  portraitBox: Quad | null;
  /** Clockwise quarter turns that made the page upright (0 when it already was). */
  rotation: Rotation;
  /** Photo quality: score 0–100, the signals that fired (also listed in `warnings`), the angle, the measures. */
  quality: QualityAssessment;
  /**
   * The document's outline: its corners as read (TL, TR, BR, BL) in pixels of the uploaded image, which a corner cut
   * off by the image edge lies outside of, and how it was found (`border`: edges on every side; `frame`: the
   * document runs to the image edge where no edge showed; `text`: some side is the text region plus a margin).
   */
  document?: { box: Quad; localised: Localisation };
}

/** What one recognition produced; `toEnvelope` turns it into Juhe's `{error_code, reason, result}`. */
export interface RecognitionReport {
  /** 0, or the Juhe code of the failure (215302–215308). */
  errorCode: JuheErrorCode;
  /** The envelope's `reason`: `操作成功`, or the table's text (plus a bracketed explanation where useful). */
  reason: string;
  /** The cardType that was asked for. */
  cardType: number;
  /** For 101–104: the type detected. Otherwise the type asked for, once recognised. */
  detectedCardType?: number;
  /** Result fields in the catalogue's key order (`""` for what was not found), `头像` as Base64 JPEG. */
  fields: Record<string, string> | null;
  detail?: RecognitionDetail;
  /** The rectified document (`crop` option): JPEG, Base64 without a `data:` prefix. */
  crop?: string;
  /** Why it failed, for logs and error history; never personal data. */
  failureDetail?: string;
  timings: { decodeMs: number; ocrMs: number; totalMs: number };
}
