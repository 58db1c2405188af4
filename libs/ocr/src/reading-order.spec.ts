import type { Quad } from './ocr.types';
import { sortReadingOrder } from './reading-order';

const box = (x: number, y: number, w: number, h: number): Quad => [
  { x, y },
  { x: x + w, y },
  { x: x + w, y: y + h },
  { x, y: y + h },
];

describe('sortReadingOrder', () => {
  it('reads rows top to bottom and boxes of a row left to right, even when slightly skewed', () => {
    const lines = [
      { text: 'c', box: box(10, 100, 200, 30) },
      { text: 'b', box: box(400, 12, 100, 30) },
      { text: 'a', box: box(10, 5, 200, 30) },
      { text: 'd', box: box(300, 108, 100, 30) },
    ];
    expect(sortReadingOrder(lines).map((l) => l.text)).toEqual(['a', 'b', 'c', 'd']);
  });
});
