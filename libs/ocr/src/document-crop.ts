import sharp from 'sharp';
import { quadCropSize, warpQuad } from './crop-warp';
import { quadBounds } from './image-ops';
import type { Quad, RgbImage } from './ocr.types';
import { type PageFrame, pageQuadToSource } from './page-warp';

/** A document's printed size, millimetres, long side first (ID-1: 85.6 × 54). */
export interface DocumentSize {
  widthMm: number;
  heightMm: number;
}

/** Options of {@link cropDocument}. */
export interface CropOptions {
  /** The document's size: the crop takes its proportions (long side along the quad's). Default: the quad's own. */
  size?: DocumentSize;
  /** Longest side of the crop, pixels; a smaller document keeps its own resolution. Default 1600. */
  maxSide?: number;
  /** JPEG quality, 1–100. Default 85. */
  quality?: number;
}

/** A rectified document image. */
export interface DocumentCrop {
  jpeg: Buffer;
  width: number;
  height: number;
}

/**
 * Cuts a document out of the decoded image and warps it to an upright rectangle, JPEG-encoded. `quad` is the
 * document's [TL, TR, BR, BL] as read in upright-page pixels (`localiseDocument`); it is mapped back to the decoded
 * image, so the page is never turned. A large document is first scaled down by sharp (libvips) around the quad so
 * that the perspective warp (`warpQuad`, bilinear) only samples about one source pixel per output pixel. Corners
 * outside the image repeat its edge pixels.
 */
export async function cropDocument(
  image: RgbImage,
  page: PageFrame,
  quad: Quad,
  options: CropOptions = {},
): Promise<DocumentCrop> {
  const measured = quadCropSize(quad);
  const landscape = measured.width >= measured.height;
  const { size } = options;
  const aspect = size
    ? landscape
      ? size.widthMm / size.heightMm
      : size.heightMm / size.widthMm
    : measured.width / measured.height;
  const long = Math.min(options.maxSide ?? 1600, Math.max(measured.width, measured.height));
  const width = Math.max(1, Math.round(aspect >= 1 ? long : long * aspect));
  const height = Math.max(1, Math.round(aspect >= 1 ? long / aspect : long));
  let source = image;
  let q = pageQuadToSource(quad, page);
  // Shrink the region around the quad with libvips first: the warp then needs no supersampling.
  const shrink = Math.min(1, (1.2 * Math.max(width, height)) / Math.max(measured.width, measured.height));
  if (shrink < 0.8) {
    const region = quadBounds(q, image.width, image.height);
    const w = Math.max(1, Math.round(region.width * shrink));
    const h = Math.max(1, Math.round(region.height * shrink));
    const data = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
      .extract(region)
      .resize(w, h, { fit: 'fill' })
      .raw()
      .toBuffer();
    source = { width: w, height: h, data };
    const [sx, sy] = [w / region.width, h / region.height];
    q = q.map((p) => ({ x: (p.x - region.left) * sx, y: (p.y - region.top) * sy })) as Quad;
  }
  const warped = warpQuad(source, q, width, height);
  const jpeg = await sharp(warped.data, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: options.quality ?? 85 })
    .toBuffer();
  return { jpeg, width, height };
}
