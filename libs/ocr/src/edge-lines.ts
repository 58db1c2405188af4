import type { Point } from './ocr.types';

/** A greyscale image, one byte per pixel, row-major. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array | Buffer;
}

/** A straight line `n·p = d` with the unit normal `n = (cos α, sin α)`, in pixels of the image it was found in. */
export interface Line {
  /** Normal angle, radians. */
  alpha: number;
  d: number;
}

/**
 * Horizontal and vertical derivatives (Sobel divided by 8, so a ramp of 1 grey level per pixel reads 1), at pixel
 * centres; 0 on the one-pixel rim.
 */
export function sobel(image: GreyImage): { gx: Float32Array; gy: Float32Array } {
  const { width: w, height: h, data } = image;
  const gx = new Float32Array(w * h);
  const gy = new Float32Array(w * h);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const a = data[i - w - 1],
        b = data[i - w],
        c = data[i - w + 1],
        d = data[i - 1],
        f = data[i + 1],
        g = data[i + w - 1],
        k = data[i + w],
        l = data[i + w + 1];
      gx[i] = (c + 2 * f + l - a - 2 * d - g) / 8;
      gy[i] = (g + 2 * k + l - a - 2 * b - c) / 8;
    }
  }
  return { gx, gy };
}

/**
 * Signed line accumulator (a Hough transform restricted to a fan of directions): for each normal angle
 * `alphas[k]`, every pixel whose position along the line, `t = (−sin α, cos α)·p`, falls inside `spans[k]` votes
 * with its derivative along the normal into the bin of its offset `d = n·p`. A straight step edge of contrast C
 * (grey levels, inner minus outer along `n`) that runs the whole span then scores about C in {@link EdgeVotes.score};
 * texture, noise and edges of other directions cancel or fall in other bins.
 */
export class EdgeVotes {
  private readonly acc: Float64Array;
  private readonly radius: number;

  constructor(
    readonly alphas: readonly number[],
    private readonly spans: readonly (readonly [number, number])[],
    width: number,
    height: number,
  ) {
    this.radius = Math.ceil(Math.hypot(width, height)) + 2;
    this.acc = new Float64Array(alphas.length * (2 * this.radius + 1));
  }

  /**
   * Adds the votes of every pixel whose gradient is at least `minGradient` grey levels per pixel and points within
   * about 40° of the fan's middle normal (others belong to edges of another direction and would only add noise).
   */
  vote(gx: Float32Array, gy: Float32Array, width: number, height: number, minGradient: number): void {
    const cos = this.alphas.map(Math.cos);
    const sin = this.alphas.map(Math.sin);
    const span = this.spans;
    const bins = 2 * this.radius + 1;
    const r = this.radius + 0.5;
    const min2 = minGradient * minGradient;
    const acc = this.acc;
    const n = this.alphas.length;
    const mc = cos[n >> 1];
    const ms = sin[n >> 1];
    // Plain arithmetic in the loop: `Math.*` lookups are very slow inside Jest's vm sandbox.
    for (let y = 1; y < height - 1; y++) {
      const py = y + 0.5;
      for (let x = 1; x < width - 1; x++) {
        const i = y * width + x;
        const ux = gx[i],
          uy = gy[i];
        const m2 = ux * ux + uy * uy;
        if (m2 < min2) continue;
        const along = mc * ux + ms * uy;
        if (along * along < 0.6 * m2) continue;
        const px = x + 0.5;
        for (let k = 0; k < n; k++) {
          const c = cos[k],
            s = sin[k];
          const t = -s * px + c * py;
          if (t < span[k][0] || t > span[k][1]) continue;
          acc[k * bins + ((c * px + s * py + r) | 0)] += c * ux + s * uy;
        }
      }
    }
  }

  /** Mean edge contrast along the span of the line at angle index `k` and offset bin `d` (three bins summed). */
  score(k: number, d: number): number {
    const bins = 2 * this.radius + 1;
    const i = d + this.radius;
    if (i < 1 || i >= bins - 1) return 0;
    const base = k * bins;
    const length = Math.max(1, this.spans[k][1] - this.spans[k][0]);
    return (this.acc[base + i - 1] + this.acc[base + i] + this.acc[base + i + 1]) / length;
  }

  /**
   * The strongest lines with offsets in `[from, to)` (bins, per angle index; use a large range for "any"), scored by
   * `sign × score`, as local maxima over angle and offset, best first, at most `count`.
   */
  peaks(
    range: (k: number) => readonly [number, number],
    sign: 1 | -1,
    count: number,
  ): { k: number; d: number; score: number }[] {
    const found: { k: number; d: number; score: number }[] = [];
    const n = this.alphas.length;
    const at = (k: number, d: number) => (k < 0 || k >= n ? -Infinity : sign * this.score(k, d));
    for (let k = 0; k < n; k++) {
      const [from, to] = range(k);
      const lo = Math.max(Math.ceil(from), -this.radius + 1);
      const hi = Math.min(Math.floor(to), this.radius - 1);
      for (let d = lo; d <= hi; d++) {
        const v = at(k, d);
        if (v <= 0) continue;
        if (v < at(k, d - 1) || v < at(k, d + 1) || v < at(k - 1, d) || v < at(k + 1, d)) continue;
        found.push({ k, d, score: v });
      }
    }
    return found.sort((a, b) => b.score - a.score).slice(0, count);
  }
}

/** The point where two lines cross, or `undefined` for (nearly) parallel ones. */
export function intersect(a: Line, b: Line): Point | undefined {
  const [c1, s1, c2, s2] = [Math.cos(a.alpha), Math.sin(a.alpha), Math.cos(b.alpha), Math.sin(b.alpha)];
  const det = c1 * s2 - s1 * c2;
  if (Math.abs(det) < 1e-6) return undefined;
  return { x: (a.d * s2 - s1 * b.d) / det, y: (c1 * b.d - a.d * c2) / det };
}

/**
 * Share (0–1) of the line's span, sampled every 2 pixels, along which the image steps by at least `minStep` grey
 * levels across it (4 pixels apart, inner minus outer for `sign` 1): an edge that runs along the whole side of a
 * document, not one that stops half-way (a photo's frame, a coloured band).
 */
export function edgeSupport(
  image: GreyImage,
  line: Line,
  span: readonly [number, number],
  sign: 1 | -1,
  minStep: number,
) {
  const c = Math.cos(line.alpha);
  const s = Math.sin(line.alpha);
  const { width: w, height: h, data } = image;
  const sample = (x: number, y: number): number => {
    const ix = Math.min(w - 1, Math.max(0, Math.floor(x)));
    const iy = Math.min(h - 1, Math.max(0, Math.floor(y)));
    return data[iy * w + ix];
  };
  let total = 0;
  let shown = 0;
  for (let t = span[0]; t <= span[1]; t += 2) {
    // The point of the line at position t, then 2 px inside (+n) and outside (−n) of it; ±1 px for the blur.
    const x0 = c * line.d - s * t;
    const y0 = s * line.d + c * t;
    if (x0 < 0 || y0 < 0 || x0 >= w || y0 >= h) continue;
    total++;
    let best = -Infinity;
    for (let o = -1; o <= 1; o++) {
      const inner = sample(x0 + c * (2 + o), y0 + s * (2 + o));
      const outer = sample(x0 - c * (2 - o), y0 - s * (2 - o));
      best = Math.max(best, sign * (inner - outer));
    }
    if (best >= minStep) shown++;
  }
  return total === 0 ? 0 : shown / total;
}
