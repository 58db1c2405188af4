import type { Rect, RgbImage } from '@zhengjian/ocr';

/** Background colours of GA 36-2018 plates: blue (small cars), yellow (large vehicles, coaches), green (new energy),
 * white (police and special services), black (foreign-registered, Hong Kong/Macau crossing, embassies). */
export type PlateColour = 'blue' | 'yellow' | 'green' | 'white' | 'black';

/** Pixel class of a plate background; `other` is anything else (red 警, car paint, shadows in between). */
export type PixelClass = PlateColour | 'other';

/**
 * Classifies one RGB pixel by hue, saturation and value (HSV, hue in degrees). Thresholds are wide on purpose: a photo
 * under daylight, shade or flash shifts saturation and value a lot, hue much less. The green band starts at a low
 * saturation because new-energy plates fade from green to nearly white towards the top.
 */
export function classifyPixel(r: number, g: number, b: number): PixelClass {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const v = max / 255;
  const s = max === 0 ? 0 : (max - min) / max;
  if (v < 0.08) return 'black';
  const h = hue(r, g, b, max, min);
  // A blue plate at night or in shade is dark but still clearly blue: saturation, not value, tells it from black.
  if (s >= 0.2 && h >= 175 && h <= 260) return 'blue';
  // Brown and beige car paint share the yellow hue; plate yellow is far more saturated.
  if (s >= 0.5 && v >= 0.35 && h >= 30 && h <= 66) return 'yellow';
  if (s >= 0.14 && v >= 0.3 && h >= 75 && h < 175) return 'green';
  if (s < 0.18 && v >= 0.55) return 'white';
  if (v < 0.3 && s < 0.4) return 'black';
  return 'other';
}

function hue(r: number, g: number, b: number, max: number, min: number): number {
  const d = max - min;
  if (d === 0) return 0;
  let h: number;
  if (max === r) h = ((g - b) / d) % 6;
  else if (max === g) h = (b - r) / d + 2;
  else h = (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

/** Share of each pixel class in `rect` of `image` (sampled on a grid of at most ~4000 points). */
export function colourShares(image: RgbImage, rect: Rect): Record<PixelClass, number> {
  const shares: Record<PixelClass, number> = { blue: 0, yellow: 0, green: 0, white: 0, black: 0, other: 0 };
  const step = Math.max(1, Math.floor(Math.sqrt((rect.width * rect.height) / 4000)));
  let n = 0;
  for (let y = rect.top; y < rect.top + rect.height; y += step) {
    for (let x = rect.left; x < rect.left + rect.width; x += step) {
      const i = (y * image.width + x) * 3;
      shares[classifyPixel(image.data[i], image.data[i + 1], image.data[i + 2])]++;
      n++;
    }
  }
  for (const k of Object.keys(shares) as PixelClass[]) shares[k] /= Math.max(1, n);
  return shares;
}

/**
 * The background colour of a plate in `rect`: the dominant plate hue when one covers a fair share (the characters
 * take a quarter to a third of a plate, the border and rivets some more), otherwise white or black, whichever
 * dominates. `candidates` limits the answer to the colours the plate's format allows (a 7-character plate is never
 * green), so a colour cast towards an impossible hue falls back on the next one. `undefined` when nothing
 * plate-coloured dominates.
 */
export function plateColour(
  image: RgbImage,
  rect: Rect,
  candidates: readonly PlateColour[] = ['blue', 'yellow', 'green', 'white', 'black'],
): PlateColour | undefined {
  const s = colourShares(image, rect);
  const hues = (['blue', 'yellow', 'green'] as const).filter((c) => candidates.includes(c));
  const [best] = [...hues].sort((a, b) => s[b] - s[a]);
  if (best && s[best] >= 0.3) return best;
  const [light] = (['white', 'black'] as const).filter((c) => candidates.includes(c)).sort((a, b) => s[b] - s[a]);
  return light && s[light] >= 0.3 ? light : undefined;
}

/** Mean luma (ITU-R BT.601) of `rect`, 0–255: the `亮度评价` of the plate. */
export function meanBrightness(image: RgbImage, rect: Rect): number {
  const step = Math.max(1, Math.floor(Math.sqrt((rect.width * rect.height) / 4000)));
  let sum = 0;
  let n = 0;
  for (let y = rect.top; y < rect.top + rect.height; y += step) {
    for (let x = rect.left; x < rect.left + rect.width; x += step) {
      const i = (y * image.width + x) * 3;
      sum += 0.299 * image.data[i] + 0.587 * image.data[i + 1] + 0.114 * image.data[i + 2];
      n++;
    }
  }
  return n === 0 ? 0 : Math.round(sum / n);
}
