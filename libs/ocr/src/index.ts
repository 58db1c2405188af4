/**
 * `@zhengjian/ocr`: image decoding and the PaddleOCR PP-OCRv4 text engine on ONNX Runtime (CPU).
 *
 *   const { rgb } = await decodeImage(bytes);          // typed errors: OcrError subclasses with `code`
 *   const engine = await OcrEngine.create();           // once per process
 *   const page = await engine.read(rgb);               // OcrPage: upright-page pixels, `rotation` applied
 *   const box = pageQuadToSource(page.lines[0].box, page);   // uploaded-image pixels
 *
 * Sources: PaddleOCR (PP-OCRv4 det/rec, mobile v2.0 cls, `ppocr_keys_v1.txt`), DB post-processing after Liao et al.,
 * "Real-time Scene Text Detection with Differentiable Binarization" (AAAI 2020).
 */
export type { Point, Quad, Rotation, OcrLine, OcrPage, PageWarp, RgbImage } from './ocr.types';
export { OcrError, UnsupportedImageFormatError, ImageTooLargeError, CorruptImageError } from './ocr.errors';
export type { OcrErrorCode } from './ocr.errors';
export { decodeImage, DEFAULT_MAX_PIXELS } from './image-decoder';
export type { DecodeImageOptions, DecodedImage } from './image-decoder';
export { sniffImageFormat } from './image-format';
export type { ImageFormat, SniffResult } from './image-format';
export { rotateRgb, turnRegion, encodeJpeg, quadToSourceFrame, quadBounds } from './image-ops';
export type { Rect } from './image-ops';
export { pagePointToSource, pageQuadToSource, quarterTurnedPage, renderPage } from './page-warp';
export type { PageFrame } from './page-warp';
export { localiseDocument } from './document-localiser';
export type { DocumentLocation, Localisation } from './document-localiser';
export { cropDocument } from './document-crop';
export type { CropOptions, DocumentCrop, DocumentSize } from './document-crop';
export { OcrEngine } from './ocr.engine';
export type { OcrEngineOptions } from './ocr.engine';
