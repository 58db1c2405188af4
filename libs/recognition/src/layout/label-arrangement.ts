import { type LabelMatch, findLabel } from './label-anchor';
import { type PageLayout, verticalOverlap } from './page-layout';

/** Whether `labels` are all found on one row, each right of the one before (`性别` then `民族`). */
export function labelsOnOneRow(layout: PageLayout, labels: readonly string[]): boolean {
  const found = labels.map((label) => findLabel(layout, label));
  if (found.length < 2 || found.some((m) => m === undefined)) return false;
  return (found as LabelMatch[]).every((m, i) => i === 0 || rightOnRow(found[i - 1]!, m));
}

function rightOnRow(left: LabelMatch, right: LabelMatch): boolean {
  if (left.line === right.line) return right.start > left.start;
  return verticalOverlap(left.line.rect, right.line.rect) > 0.5 && right.line.rect.left > left.line.rect.left;
}

/**
 * Whether at least `min` of `labels` are found left-aligned (their lines start within two line heights of each
 * other) and top to bottom in the order given: a column of labels as a card prints it.
 */
export function labelColumn(layout: PageLayout, labels: readonly string[], min = 3): boolean {
  const present = labels.map((label) => findLabel(layout, label)).filter((m): m is LabelMatch => m !== undefined);
  if (present.length < Math.max(min, 2)) return false;
  const h = Math.min(...present.map((m) => m.line.rect.bottom - m.line.rect.top));
  const lefts = present.map((m) => m.line.rect.left);
  const inOrder = present.every((m, i) => i === 0 || m.line.rect.top > present[i - 1].line.rect.top);
  return inOrder && Math.max(...lefts) - Math.min(...lefts) < 2 * h;
}
