import type { OcrLine, Point, Quad, RgbImage } from './ocr.types';
import {
  deskewFrame,
  pagePointToSource,
  pageQuadToSource,
  pageSlant,
  quarterTurnedPage,
  renderPage,
  sourcePointToPage,
} from './page-warp';

const deg = (d: number) => (d * Math.PI) / 180;

/** A black image with a 4×4 white square whose top-left pixel is (x, y): its centre is at (x + 2, y + 2). */
function dot(width: number, height: number, x: number, y: number): RgbImage {
  const data = Buffer.alloc(width * height * 3);
  for (let dy = 0; dy < 4; dy++)
    for (let dx = 0; dx < 4; dx++) data.fill(255, ((y + dy) * width + x + dx) * 3, ((y + dy) * width + x + dx) * 3 + 3);
  return { width, height, data };
}

/** Brightness-weighted centre of an image, continuous pixel coordinates. */
function centroid(image: RgbImage): Point {
  let [sx, sy, sw] = [0, 0, 0];
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const v = image.data[(y * image.width + x) * 3];
      sx += v * (x + 0.5);
      sy += v * (y + 0.5);
      sw += v;
    }
  }
  return { x: sx / sw, y: sy / sw };
}

/** A text box `length` long and 20 px tall, starting at `at`, running at `angle` radians (clockwise). */
function slantedBox(at: Point, length: number, angle: number): Quad {
  const [c, s] = [Math.cos(angle), Math.sin(angle)];
  const p = (u: number, v: number) => ({ x: at.x + c * u - s * v, y: at.y + s * u + c * v });
  return [p(0, 0), p(length, 0), p(length, 20), p(0, 20)];
}

describe(pageSlant.name, () => {
  it('measures the slant of the text once the page is turned upright', () => {
    const boxes = [slantedBox({ x: 100, y: 100 }, 300, deg(20)), slantedBox({ x: 100, y: 200 }, 300, deg(20))];
    expect(pageSlant(boxes, 0, 800, 600) * (180 / Math.PI)).toBeCloseTo(20, 6);
    // The same text seen in an image turned 90° counter-clockwise runs at 20° − 90°; the page's turn of 90° undoes it.
    const turned = boxes.map((q) => q.map((p) => ({ x: p.y, y: 800 - p.x })) as Quad);
    expect(pageSlant(turned, 90, 600, 800) * (180 / Math.PI)).toBeCloseTo(20, 6);
  });
});

describe(deskewFrame.name, () => {
  it('spans the whole turned-back image without text, and maps its corners back exactly', () => {
    // 400 × 300 turned back by 30°: corners (0,0) (346.4,−200) (496.4,59.8) (150,259.8) → x 0…497, y −200…260.
    const frame = deskewFrame({ width: 400, height: 300 }, 0, deg(30), []);
    expect([frame.width, frame.height, frame.rotation]).toEqual([497, 460, 0]);
    const topRight = pagePointToSource({ x: 400 * Math.cos(deg(30)), y: 0 }, frame);
    expect(topRight.x).toBeCloseTo(400, 9);
    expect(topRight.y).toBeCloseTo(0, 9);
    const origin = pagePointToSource({ x: 0, y: 200 }, frame);
    expect(origin.x).toBeCloseTo(0, 9);
    expect(origin.y).toBeCloseTo(0, 9);
  });

  it('cuts the page to the text plus a quarter of its extent, and maps a box back onto the slanted text', () => {
    const box = slantedBox({ x: 300, y: 200 }, 400, deg(-25));
    const frame = deskewFrame({ width: 1200, height: 900 }, 0, deg(-25), [box]);
    // Deskewed, the box is 400 × 20: the page is (400 + 2·108) × (20 + 2·13), rounded out.
    expect([frame.width, frame.height]).toEqual([617, 47]);
    const upright: Quad = [
      { x: 108, y: 13 },
      { x: 508, y: 13 },
      { x: 508, y: 33 },
      { x: 108, y: 33 },
    ];
    const back = pageQuadToSource(upright, frame);
    back.forEach((p, i) => {
      expect(Math.abs(p.x - box[i].x)).toBeLessThan(1);
      expect(Math.abs(p.y - box[i].y)).toBeLessThan(1);
    });
  });

  it('composes the page’s quarter turn with the deskew', () => {
    // A 600 × 800 upload turned 90° clockwise is 800 × 600; the turned point (x, y) is (y, 800 − x) in the upload.
    const frame = deskewFrame({ width: 600, height: 800 }, 90, deg(10), []);
    const [c, s] = [Math.cos(deg(10)), Math.sin(deg(10))];
    // Turned back by 10°, the 800 × 600 image's corners reach x ≥ 0 and y ≥ −800·sin 10°: the page's origin.
    const [minX, minY] = [0, Math.floor(-800 * s)];
    const onPage = { x: c * 500 + s * 300 - minX, y: -s * 500 + c * 300 - minY };
    const back = pagePointToSource(onPage, frame);
    expect(back.x).toBeCloseTo(300, 9);
    expect(back.y).toBeCloseTo(800 - 500, 9);
  });
});

describe(sourcePointToPage.name, () => {
  it.each([
    ['a deskewed page', deskewFrame({ width: 600, height: 800 }, 270, deg(-17), [])],
    ['a page turned 90°', { width: 800, height: 600, rotation: 90 as const }],
  ])('is the inverse of pagePointToSource on %s', (_what, frame) => {
    const onPage = { x: 123.5, y: 456.25 };
    const back = sourcePointToPage(pagePointToSource(onPage, frame), frame);
    expect(back.x).toBeCloseTo(onPage.x, 9);
    expect(back.y).toBeCloseTo(onPage.y, 9);
  });
});

describe(renderPage.name, () => {
  it.each([
    [0, 22, 700, 500, 512, 301],
    [0, -30, 640, 480, 101, 377],
    [90, 15, 480, 640, 200, 90],
  ] as const)(
    'renders a page (turn %i°, slant %i°) whose pixels sit where pagePointToSource says, within a pixel',
    async (rotation, slant, width, height, x, y) => {
      const source = dot(width, height, x, y);
      const frame = deskewFrame(source, rotation, deg(slant), []);
      const page = await renderPage(source, frame);
      expect([page.width, page.height]).toEqual([frame.width, frame.height]);
      const back = pagePointToSource(centroid(page), frame);
      expect(Math.abs(back.x - (x + 2))).toBeLessThan(1);
      expect(Math.abs(back.y - (y + 2))).toBeLessThan(1);
    },
  );

  it("renders a deskewed page once per warp and source image (the engine's render serves the recognizers)", async () => {
    const source = dot(640, 480, 101, 377);
    const frame = deskewFrame(source, 0, deg(20), []);
    const first = renderPage(source, frame);
    expect(renderPage(source, { ...frame })).toBe(first);
    const other = dot(640, 480, 300, 100);
    const again = renderPage(other, frame);
    expect(again).not.toBe(first);
    expect(centroid(await again)).not.toEqual(centroid(await first));
  });

  it('turns a page without a warp by its quarter turn', async () => {
    const page = await renderPage(dot(300, 200, 10, 20), { width: 200, height: 300, rotation: 90 });
    expect([page.width, page.height]).toEqual([200, 300]);
    const c = centroid(page);
    // Turned 90° clockwise, (12, 22) lands at (200 − 22, 12).
    expect([c.x, c.y]).toEqual([178, 12]);
  });
});

describe(quarterTurnedPage.name, () => {
  it('puts a deskewed page’s boxes back in the quarter-turned image, slanted as photographed', () => {
    const box = slantedBox({ x: 300, y: 200 }, 400, deg(-25));
    const frame = deskewFrame({ width: 1200, height: 900 }, 0, deg(-25), [box]);
    const line: OcrLine = {
      text: 'A',
      score: 1,
      box: [
        { x: 108, y: 13 },
        { x: 508, y: 13 },
        { x: 508, y: 33 },
        { x: 108, y: 33 },
      ],
    };
    const turned = quarterTurnedPage({ ...frame, lines: [line] });
    expect(turned).not.toHaveProperty('warp');
    expect([turned.width, turned.height, turned.rotation]).toEqual([1200, 900, 0]);
    turned.lines[0].box.forEach((p, i) => {
      expect(Math.abs(p.x - box[i].x)).toBeLessThan(1);
      expect(Math.abs(p.y - box[i].y)).toBeLessThan(1);
    });
  });
});
