/**
 * Printed sizes of the catalogued documents, millimetres, long side first — where a standard fixes them. Source:
 * the card-type spec's card sizes (§3.10): ISO/IEC 7810 ID-1 (85.60 × 53.98) for the cards, the ICAO 9303 TD3
 * booklet page (125 × 88) for the passport-size documents. The 驾驶证/行驶证 page (~88 × 60 mm) is not verified
 * and is left out, as are documents of no fixed size (户口本 pages, licences, plates): their crop keeps the
 * proportions of the outline found in the photo.
 */
const ID_1 = { widthMm: 85.6, heightMm: 53.98 } as const;
const TD3 = { widthMm: 125, heightMm: 88 } as const;

const SIZES: Readonly<Record<number, { readonly widthMm: number; readonly heightMm: number }>> = {
  2: ID_1,
  3: ID_1,
  4: ID_1,
  14: ID_1,
  15: ID_1,
  17: ID_1,
  22: ID_1,
  25: ID_1,
  26: ID_1,
  29: ID_1,
  31: ID_1,
  32: ID_1,
  33: ID_1,
  1001: ID_1,
  9: TD3,
  10: TD3,
  11: TD3,
  12: TD3,
  13: TD3,
};

/** The printed size of a cardType's document (long side first), or `undefined` when no standard fixes it. */
export function documentSizeOf(cardType: number): { widthMm: number; heightMm: number } | undefined {
  const size = SIZES[cardType];
  return size && { ...size };
}
