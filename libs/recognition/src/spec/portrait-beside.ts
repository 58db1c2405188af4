import { findAnyLabel } from '../layout/placement';
import type { Rect } from '../layout/page-layout';
import type { SpecHooks } from './document-spec';

/** Where a document's photo sits, in millimetres from the left end and the bottom of its first label row. */
export interface PortraitGeometry {
  /** Labels of the row the geometry is measured from (`姓名`). */
  from: readonly string[];
  /** Labels of a second row, further down, that gives the scale (`公民身份号码`). */
  to: readonly string[];
  /** Distance between the two rows' bottoms, in mm as printed. */
  rowsApart: number;
  /** The photo, in mm: `left`/`right` from the first label's left end, `top`/`bottom` from its bottom. */
  box: { left: number; right: number; top: number; bottom: number };
  /** A field that must have been read (the page really is this document), e.g. `姓名`. */
  requires?: string;
}

/**
 * A portrait hook for documents whose photo is at a fixed place relative to two printed label rows: the page's scale
 * (pixels per mm) comes from the rows' distance, so the box follows the card whatever its size in the photo. The box
 * is in the deskewed frame; undefined when a row is missing or the rows are in the wrong order.
 */
export function portraitBeside(geometry: PortraitGeometry): NonNullable<SpecHooks['portrait']> {
  return (layout, fields): Rect | undefined => {
    if (geometry.requires && !fields[geometry.requires]) return undefined;
    const from = findAnyLabel(layout, geometry.from);
    const to = findAnyLabel(layout, geometry.to);
    if (!from || !to) return undefined;
    const mm = (to.line.rect.bottom - from.line.rect.bottom) / geometry.rowsApart;
    if (mm <= 0) return undefined;
    const x = from.line.rect.left;
    const y = from.line.rect.bottom;
    const { box } = geometry;
    return { left: x + box.left * mm, right: x + box.right * mm, top: y + box.top * mm, bottom: y + box.bottom * mm };
  };
}
