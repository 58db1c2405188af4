import { readFileSync } from 'node:fs';

/** One decoded sequence: text and the mean probability of its kept characters (0 when empty). */
export interface CtcResult {
  text: string;
  score: number;
  /** Time step (model output column) at the centre of each kept character's run, one per character of `text`. */
  positions?: number[];
  /** Per time step, the probability of anything but the blank: where the model saw ink, recognised or not. */
  ink?: number[];
}

/**
 * Builds the CTC character list as PaddleOCR's `CTCLabelDecode` does with `use_space_char: True`: the dictionary lines
 * (line endings stripped), then a space, with the blank at index 0. For `ppocr_keys_v1.txt` that is 1 + 6623 + 1 =
 * 6625 classes, the width of the PP-OCRv4 rec output.
 */
export function loadCharset(dictPath: string): string[] {
  const lines = readFileSync(dictPath, 'utf8').split(/\r?\n/);
  // A trailing newline would otherwise add an empty "character".
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return ['', ...lines, ' '];
}

/**
 * Greedy (best-path) CTC decoding: arg-max per time step, merge repeats, drop blanks (index 0).
 * @param probs softmax output `[batch, steps, classes]`, row-major
 * @param charset index → character, index 0 the blank
 */
export function ctcGreedyDecode(
  probs: Float32Array,
  batch: number,
  steps: number,
  classes: number,
  charset: readonly string[],
): CtcResult[] {
  const results: CtcResult[] = [];
  for (let b = 0; b < batch; b++) {
    let text = '';
    let sum = 0;
    let kept = 0;
    let prev = -1;
    const ink: number[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    for (let t = 0; t < steps; t++) {
      const base = (b * steps + t) * classes;
      ink.push(1 - probs[base]);
      let best = 0;
      let bestP = probs[base];
      for (let c = 1; c < classes; c++) {
        if (probs[base + c] > bestP) {
          bestP = probs[base + c];
          best = c;
        }
      }
      if (best !== 0 && best !== prev) {
        const ch = charset[best] ?? '';
        text += ch;
        sum += bestP;
        kept++;
        for (let k = 0; k < ch.length; k++) {
          starts.push(t);
          ends.push(t);
        }
      } else if (best !== 0 && ends.length > 0) ends[ends.length - 1] = t;
      prev = best;
    }
    const positions = starts.map((start, i) => (start + ends[i]) / 2);
    results.push({ text, score: kept === 0 ? 0 : sum / kept, positions, ink });
  }
  return results;
}
