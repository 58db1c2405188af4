import { join } from 'node:path';
import { ctcGreedyDecode, loadCharset } from './ctc-decoder';
import { defaultModelDir } from './onnx-session';

describe('ctcGreedyDecode', () => {
  const charset = ['', 'a', 'b', ' '];
  // One-hot-ish rows of 4 classes; the arg-max path is a a _ a b b _ → "aab".
  const rows = [
    [0.1, 0.8, 0.05, 0.05],
    [0.2, 0.6, 0.1, 0.1],
    [0.9, 0.05, 0.05, 0],
    [0.3, 0.7, 0, 0],
    [0.1, 0, 0.9, 0],
    [0, 0, 1, 0],
    [0.5, 0.2, 0.2, 0.1],
  ];

  it('merges repeats, drops blanks and averages the first probability of each kept character', () => {
    const probs = Float32Array.from(rows.flat());
    const [r] = ctcGreedyDecode(probs, 1, rows.length, 4, charset);
    expect(r.text).toBe('aab');
    expect(r.score).toBeCloseTo((0.8 + 0.7 + 0.9) / 3, 6);
    expect(r.positions).toEqual([0.5, 3, 4.5]);
    expect(r.ink?.map((v) => Math.round(v * 10) / 10)).toEqual([0.9, 0.8, 0.1, 0.7, 0.9, 1, 0.5]);
  });

  it('decodes each batch item separately and scores an empty result 0', () => {
    const blank = [1, 0, 0, 0];
    const space = [0, 0, 0, 1];
    const probs = Float32Array.from([...blank, ...blank, ...space, ...blank]);
    expect(ctcGreedyDecode(probs, 2, 2, 4, charset)).toEqual([
      { text: '', score: 0, positions: [], ink: [0, 0] },
      { text: ' ', score: 1, positions: [0], ink: [1, 0] },
    ]);
  });
});

describe('loadCharset', () => {
  it('builds blank + ppocr_keys_v1 + space = the 6625 classes of the PP-OCRv4 rec model', () => {
    const charset = loadCharset(join(defaultModelDir(), 'ppocr_keys_v1.txt'));
    expect(charset).toHaveLength(6625);
    expect(charset[0]).toBe('');
    expect(charset[1]).toBe("'");
    expect(charset[6624]).toBe(' ');
  });
});
