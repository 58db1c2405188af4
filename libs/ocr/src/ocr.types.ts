/** A point in pixels, origin at the top-left of the image it refers to. */
export interface Point {
  x: number;
  y: number;
}

/** A quadrilateral in pixels: top-left, top-right, bottom-right, bottom-left of the text as read (clockwise). */
export type Quad = [Point, Point, Point, Point];

/** Quarter turns, clockwise, that were applied to the decoded image to make its text upright. */
export type Rotation = 0 | 90 | 180 | 270;

/** One line of text found by the engine. */
export interface OcrLine {
  /** Recognised text (PaddleOCR character set; full-width punctuation kept as read). */
  text: string;
  /** Mean character confidence, 0–1. */
  score: number;
  /** Pixel quad in the upright page (see {@link OcrPage.rotation}, and {@link OcrPage.warp} for a deskewed one). */
  box: Quad;
  /**
   * Width of the box that no recognised character accounts for, in glyph widths (0 when the text fills its box). A
   * character outside the model's dictionary leaves such a gap (see `unexplainedGlyphs`). Absent when not measured.
   */
  unexplainedGlyphs?: number;
  /**
   * Read from a region where a labelled value must be (a second look after the detector found nothing there), not
   * found by the detector: a lone low-scored glyph there is the value sought, not a speck of the background.
   */
  sought?: boolean;
}

/**
 * The engine's reading of one image. Coordinates are pixels of the upright page: the decoded image
 * (EXIF orientation applied) turned clockwise by `rotation` degrees.
 */
export interface OcrPage {
  /** Width of the upright page, pixels. */
  width: number;
  /** Height of the upright page, pixels. */
  height: number;
  /** Clockwise quarter turns applied to the decoded image to get the upright page. */
  rotation: Rotation;
  /** Lines in reading order (top to bottom, then left to right). */
  lines: OcrLine[];
  /**
   * Present when the page was deskewed (its text was slanted beyond a quarter turn): the page's pixels are then the
   * decoded image turned by `rotation` and by the slant, cut to the text region, and boxes map back through this
   * (`pageQuadToSource`) rather than by `rotation` alone.
   */
  warp?: PageWarp;
  /**
   * Boxes the detector found whose reading scored under the engine's minimum and were left out of `lines`: text
   * seen but not legible (blurred, mirrored, a script the model does not read). Absent when not counted.
   */
  illegibleLines?: number;
}

/** How a deskewed page's pixels map to the decoded image's. */
export interface PageWarp {
  /** Row-major 3×3 homography from page pixels (continuous) to decoded-image pixels; affine for a deskew. */
  toSource: number[];
  /** Size of the decoded image (EXIF orientation applied), pixels. */
  sourceWidth: number;
  sourceHeight: number;
}

/** A decoded image: EXIF orientation applied, 3-channel RGB, 8 bits per channel, row-major, no padding. */
export interface RgbImage {
  width: number;
  height: number;
  /** `width * height * 3` bytes. */
  data: Buffer;
}
