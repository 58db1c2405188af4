import type { LayoutLine } from './page-layout';

/**
 * Unexplained width, in glyphs, from which a line is taken to have lost a character the model cannot read (see
 * `OcrLine.unexplainedGlyphs`): a missing CJK glyph leaves about one; complete lines of the generated cards stay
 * under 0.35 when clean, with rare outliers up to about 0.85 on degraded photos.
 */
export const UNCERTAIN_GLYPHS = 0.75;

/** Factor applied to the confidence of a field read from such a line (0.99 → 0.59). */
export const UNCERTAIN_CONFIDENCE_FACTOR = 0.6;

/** Whether any of the lines holds more ink than its recognised characters explain. */
export function hasUncertainCharacters(lines: readonly LayoutLine[]): boolean {
  return lines.some((line) => (line.source.unexplainedGlyphs ?? 0) >= UNCERTAIN_GLYPHS);
}
