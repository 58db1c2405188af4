import sharp from 'sharp';
import { localiseDocument } from './document-localiser';
import { deskewFrame, pagePointToSource, sourcePointToPage, textAngle } from './page-warp';
import type { OcrLine, Point, Quad, RgbImage } from './ocr.types';

/** An RGB image drawn from SVG shapes: a background and, optionally, a filled polygon (the document). */
async function drawn(width: number, height: number, background: string, card?: { quad: Quad; fill: string }) {
  const polygon = card
    ? `<polygon points="${card.quad.map((p) => `${p.x},${p.y}`).join(' ')}" fill="${card.fill}"/>`
    : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="${background}"/>${polygon}</svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data } satisfies RgbImage;
}

/** A point of the rectangle centred on (cx, cy), turned by `deg` clockwise: (u, v) from its centre. */
const turned = (cx: number, cy: number, deg: number) => (u: number, v: number) => {
  const a = (deg * Math.PI) / 180;
  return { x: cx + u * Math.cos(a) - v * Math.sin(a), y: cy + u * Math.sin(a) + v * Math.cos(a) };
};

const rect = (at: (u: number, v: number) => Point, u0: number, v0: number, u1: number, v1: number): Quad => [
  at(u0, v0),
  at(u1, v0),
  at(u1, v1),
  at(u0, v1),
];

const line = (box: Quad): OcrLine => ({ text: '文字', score: 0.9, box });

const page = (image: RgbImage, lines: OcrLine[]) => ({
  width: image.width,
  height: image.height,
  rotation: 0 as const,
  lines,
});

describe(localiseDocument.name, () => {
  it('finds a light card turned 8° on a dark background by its border, corners within 1 % of its size', async () => {
    const at = turned(400, 300, 8);
    const card = rect(at, -240, -151, 240, 151);
    const image = await drawn(800, 600, '#282828', { quad: card, fill: '#ebebe6' });
    const lines = [rect(at, -200, -120, 60, -90), rect(at, -200, -60, 100, -30), rect(at, -200, 80, 180, 120)];
    const found = await localiseDocument(image, page(image, lines.map(line)));
    expect(found.localised).toBe('border');
    const error = Math.max(...card.map((p, i) => Math.hypot(p.x - found.quad[i].x, p.y - found.quad[i].y)));
    expect(error).toBeLessThan(4.8);
  });

  it('measures a deskewed page as photographed and gives the card in the page’s pixels', async () => {
    const at = turned(400, 300, 20);
    const card = rect(at, -240, -151, 240, 151);
    const image = await drawn(800, 600, '#282828', { quad: card, fill: '#ebebe6' });
    const lines = [rect(at, -200, -120, 60, -90), rect(at, -200, -60, 100, -30), rect(at, -200, 80, 180, 120)];
    const frame = deskewFrame(image, 0, (20 * Math.PI) / 180, lines);
    const toPage = (q: Quad) => q.map((p) => sourcePointToPage(p, frame)) as Quad;
    const found = await localiseDocument(image, { ...frame, lines: lines.map((q) => line(toPage(q))) });
    expect(found.localised).toBe('border');
    // Upright on the page: the top edge runs level, and the corners map back onto the drawn card.
    expect(Math.abs(found.quad[1].y - found.quad[0].y)).toBeLessThan(2);
    const back = found.quad.map((p) => pagePointToSource(p, frame));
    const error = Math.max(...card.map((p, i) => Math.hypot(p.x - back[i].x, p.y - back[i].y)));
    expect(error).toBeLessThan(4.8);
  });

  it('finds a dark card on a light background the same way', async () => {
    const at = turned(400, 300, -5);
    const card = rect(at, -240, -151, 240, 151);
    const image = await drawn(800, 600, '#d8d8d8', { quad: card, fill: '#303848' });
    const lines = [rect(at, -200, -120, 60, -90), rect(at, -200, 80, 180, 120)];
    const found = await localiseDocument(image, page(image, lines.map(line)));
    expect(found.localised).toBe('border');
    const error = Math.max(...card.map((p, i) => Math.hypot(p.x - found.quad[i].x, p.y - found.quad[i].y)));
    expect(error).toBeLessThan(4.8);
  });

  it('falls back to the text region plus 8 % when no side shows an edge and the text is far from the frame', async () => {
    const image = await drawn(800, 600, '#c8c8c8');
    const lines = [rect(turned(0, 0, 0), 200, 200, 600, 240), rect(turned(0, 0, 0), 200, 360, 500, 400)];
    const found = await localiseDocument(image, page(image, lines.map(line)));
    expect(found).toEqual({
      localised: 'text',
      quad: [
        { x: 168, y: 184 },
        { x: 632, y: 184 },
        { x: 632, y: 416 },
        { x: 168, y: 416 },
      ],
    });
  });

  it('takes the whole image when the text runs close to every edge and no edge shows (a scan)', async () => {
    const image = await drawn(800, 500, '#f0f0f0');
    const lines = [rect(turned(0, 0, 0), 40, 30, 760, 70), rect(turned(0, 0, 0), 40, 420, 700, 470)];
    const found = await localiseDocument(image, page(image, lines.map(line)));
    expect(found).toEqual({
      localised: 'frame',
      quad: [
        { x: 0, y: 0 },
        { x: 800, y: 0 },
        { x: 800, y: 500 },
        { x: 0, y: 500 },
      ],
    });
  });
});

describe(textAngle.name, () => {
  it('is the length-weighted median direction of the elongated boxes, 0 without any', () => {
    const long = rect(turned(100, 100, 10), -80, -10, 80, 10);
    const short = rect(turned(100, 300, -30), -15, -10, 15, 10);
    expect((textAngle([long, long, short]) * 180) / Math.PI).toBeCloseTo(10, 6);
    expect(textAngle([short])).toBe(0);
  });
});
