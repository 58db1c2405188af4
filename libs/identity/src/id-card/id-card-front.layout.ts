import { type LabelMatch, type LayoutLine, type PageLayout, type Rect, valueRightOf } from '@zhengjian/recognition';

/** The portrait window of an ID-1 resident ID card is about 26 × 32 mm: width / height. */
const PORTRAIT_ASPECT = 26 / 32;

/**
 * The 住址 value: the rest of the label's row, then up to two continuation lines printed below it, left-aligned
 * with the first (the card wraps the address at about 11 characters) and above the ID-number row.
 */
export function readAddress(
  layout: PageLayout,
  label: LabelMatch | undefined,
  idLine: LayoutLine | undefined,
): { text: string; lines: LayoutLine[] } | undefined {
  if (!label) return undefined;
  const first = valueRightOf(layout, label, ['公民身份号码']);
  const h = label.line.rect.bottom - label.line.rect.top;
  const left = first.rect?.left ?? label.rest.left;
  const floor = idLine ? idLine.rect.top - 0.3 * h : Infinity;
  const lines = [...first.lines];
  let text = first.text;
  let bottom = first.rect?.bottom ?? label.line.rect.bottom;
  for (const line of layout.lines) {
    if (lines.length >= 3 || line.rect.top <= label.line.rect.top + 0.5 * h || lines.includes(line)) continue;
    if (line.rect.top >= floor || line.rect.top - bottom > 1.2 * h) continue;
    // Continuation lines start under the value (the card indents them past the label column), give or take.
    if (line.rect.left < label.line.rect.left + 0.8 * h || line.rect.left > left + 3 * h) continue;
    // Never the number's label, nor text of a back lying beside the front (a photocopy of both sides).
    if (/公民身份号码|居民身份证|中华人民共和国|签发机关|有效期限/.test(line.text)) continue;
    text += line.text;
    lines.push(line);
    bottom = line.rect.bottom;
  }
  text = text.replace(/[^\u3400-\u9fff0-9A-Za-z\-—()（）#·]/g, '');
  return text ? { text, lines } : undefined;
}

/**
 * Where the portrait is, in the deskewed frame. The front's layout is fixed (GA 450 card face): the 18-digit number
 * row spans about half the card, and the photo window starts about halfway along it, is about as wide as half of
 * it, and ends a little above it, at the card's 26 × 32 mm portrait aspect. Measured on rendered cards.
 */
export function estimatePortrait(layout: PageLayout, idLine?: LayoutLine): Rect | undefined {
  if (!idLine) return undefined;
  const span = idLine.rect.right - idLine.rect.left;
  const left = idLine.rect.left + 0.515 * span;
  const right = left + 0.515 * span;
  const bottom = idLine.rect.top - 0.115 * span;
  const top = bottom - (right - left) / PORTRAIT_ASPECT;
  return clampToPage(layout, { left, top, right, bottom });
}

function clampToPage(layout: PageLayout, rect: Rect): Rect | undefined {
  const clamped = {
    left: Math.max(0, rect.left),
    top: Math.max(0, rect.top),
    right: Math.min(layout.page.width, rect.right),
    bottom: Math.min(layout.page.height, rect.bottom),
  };
  return clamped.right - clamped.left > 8 && clamped.bottom - clamped.top > 8 ? clamped : undefined;
}
