/**
 * How much of a text box no recognised character accounts for, in glyph widths. A character outside the model's
 * dictionary is not replaced by another one: CTC emits blanks over it, and the text comes out shorter than its box,
 * with no trace in the confidence of the characters that remain. The detector draws its box evenly around the ink,
 * so on a complete line the margin before the first character and the one after the last are about equal (within
 * a third of a glyph on the generated cards); the surplus of one over the other counts only where the model saw
 * ink there (a non-blank probability of at least {@link MIN_INK}) that it did not turn into a character.
 *
 * @param positions time step at the centre of each recognised character (CTC output columns)
 * @param ink per time step, the probability of anything but the blank
 * @param usedSteps width of the line's crop, in time steps (the rest of the batch tensor is padding)
 * @param glyphSteps width of a square glyph, in time steps: crop height / model stride (48 / 8 for PP-OCRv4)
 * @returns unexplained width in glyphs, 0 for a line whose ink is all read
 */
export function unexplainedGlyphs(
  positions: readonly number[],
  ink: readonly number[],
  usedSteps: number,
  glyphSteps: number,
): number {
  const last = Math.min(ink.length, Math.ceil(usedSteps));
  const peak = (from: number, to: number) =>
    Math.max(0, ...ink.slice(Math.max(0, Math.floor(from)), Math.min(last, to)));
  if (positions.length === 0) return peak(0, last) >= MIN_INK ? usedSteps / glyphSteps : 0;
  const first = positions[0] + 0.5;
  const end = positions[positions.length - 1] + 0.5;
  const lead = first;
  const trail = usedSteps - end;
  // The surplus side, beyond the margin the other side shows and a step of the character's own run.
  const seen = trail > lead ? peak(end + lead + 1, last) : peak(0, first - trail - 1);
  return seen >= MIN_INK ? Math.abs(trail - lead) / glyphSteps : 0;
}

/** Non-blank probability from which a time step shows ink (the gaps between letter-spaced labels stay under 0.07). */
export const MIN_INK = 0.1;
