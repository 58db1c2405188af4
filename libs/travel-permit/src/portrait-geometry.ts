import { type FieldReading, type PageLayout, type Rect, findAnyLabel } from '@zhengjian/recognition';

/**
 * Where a document prints its portrait, in millimetres relative to two printed labels: the `upper` label's left edge
 * and bottom (its baseline) are the origin, and the `lower` label's bottom lies `apart` mm below the upper's (which
 * gives the scale on any photo).
 */
export interface PortraitGeometry {
  upper: readonly string[];
  lower: readonly string[];
  apart: number;
  /** The portrait's left and top edges relative to the origin (negative: left of / above it), its width and height. */
  left: number;
  top: number;
  width: number;
  height: number;
  /** The portrait is looked for only when this key was read (the page is the document, not a stray label). */
  when: string;
}

/** A `SpecHooks.portrait` hook from a {@link PortraitGeometry}. */
export function portraitAt(g: PortraitGeometry) {
  return (layout: PageLayout, fields: Readonly<Record<string, FieldReading>>): Rect | undefined => {
    const upper = findAnyLabel(layout, g.upper);
    const lower = findAnyLabel(layout, g.lower);
    if (!upper || !lower || !fields[g.when]) return undefined;
    const mm = (lower.line.rect.bottom - upper.line.rect.bottom) / g.apart;
    if (mm <= 0) return undefined;
    const left = upper.line.rect.left + g.left * mm;
    const top = upper.line.rect.bottom + g.top * mm;
    return { left, right: left + g.width * mm, top, bottom: top + g.height * mm };
  };
}
