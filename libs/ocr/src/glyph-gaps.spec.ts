import { MIN_INK, unexplainedGlyphs } from './glyph-gaps';

/** Ink per time step: `high` at the listed steps, a faint 0.02 elsewhere. */
const inkAt = (steps: number, at: readonly number[], high = 0.9) =>
  Array.from({ length: steps }, (_, t) => (at.includes(t) ? high : 0.02));

describe(unexplainedGlyphs.name, () => {
  // Three characters at steps 3, 9, 15 of a 19-step crop: margins 3.5 before and 3.5 after.
  it('is 0 for a line whose margins before and after the text are equal', () => {
    expect(unexplainedGlyphs([3, 9, 15], inkAt(24, [3, 9, 15]), 19, 6)).toBe(0);
  });

  it('counts the surplus margin after the last character, in glyphs, when the model saw ink there', () => {
    // A fourth glyph at step 21 that the model could not name: CTC left a blank with some non-blank mass.
    const ink = inkAt(32, [3, 9, 15]);
    ink[21] = 0.25;
    expect(unexplainedGlyphs([3, 9, 15], ink, 25, 6)).toBe(1);
  });

  it('ignores a surplus margin with no ink in it (the box was drawn wide)', () => {
    expect(unexplainedGlyphs([3, 9, 15], inkAt(32, [3, 9, 15]), 25, 6)).toBe(0);
    expect(MIN_INK).toBeGreaterThan(0.02);
  });

  it('measures a surplus before the first character the same way', () => {
    const ink = inkAt(32, [9, 15, 21]);
    ink[3] = 0.3;
    expect(unexplainedGlyphs([9, 15, 21], ink, 25, 6)).toBe(1);
  });
});
