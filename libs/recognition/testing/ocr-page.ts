import type { OcrLine, OcrPage } from '@zhengjian/ocr';

/** An OCR line at an axis-aligned rectangle (pixels), as the engine returns it. */
export function line(text: string, x: number, y: number, w: number, h: number, score = 0.98): OcrLine {
  return {
    text,
    score,
    box: [
      { x, y },
      { x: x + w, y },
      { x: x + w, y: y + h },
      { x, y: y + h },
    ],
  };
}

/** A page of the given lines, turned by `angle` radians about its centre (to imitate a tilted photo). */
export function page(lines: OcrLine[], angle = 0, width = 1000, height = 700): OcrPage {
  const cx = width / 2;
  const cy = height / 2;
  const turn = (p: { x: number; y: number }) => ({
    x: cx + (p.x - cx) * Math.cos(angle) - (p.y - cy) * Math.sin(angle),
    y: cy + (p.x - cx) * Math.sin(angle) + (p.y - cy) * Math.cos(angle),
  });
  return {
    width,
    height,
    rotation: 0,
    lines: lines.map((l) => ({ ...l, box: l.box.map(turn) as OcrLine['box'] })),
  };
}
