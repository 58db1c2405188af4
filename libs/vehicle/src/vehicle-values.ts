import type { ValueParser } from '@zhengjian/recognition';

/** 准驾车型 codes (公安部令第162号, GA 482): a licence prints one or more, concatenated (`C1`, `A2D`, `C1E`). */
const CLASS_DIGITS: Readonly<Record<string, string>> = { A: '123', B: '12', C: '123456' };
const SINGLE_CLASSES = 'DEFMNP';
/** OCR look-alikes where a class letter is expected (`0` → `C`, `8` → `B`) and where its digit is (`I`/`l`/`T` → `1`). */
const AS_LETTER: Readonly<Record<string, string>> = { '0': 'C', O: 'C', '8': 'B' };
const AS_DIGIT: Readonly<Record<string, string>> = { I: '1', l: '1', '|': '1', T: '1', Z: '2' };

/**
 * 准驾车型: the longest run of class codes from the start of the text, with look-alikes resolved by position (a
 * letter where a class starts, a digit after A, B or C). Undefined when no code is printed.
 */
export function licenceClasses(): ValueParser {
  return (raw) => {
    const chars = [...raw.replace(/[^0-9A-Za-z|]/g, '')];
    let value = '';
    let changed = false;
    for (let i = 0; i < chars.length;) {
      const read = chars[i].toUpperCase();
      const letter = CLASS_DIGITS[read] || SINGLE_CLASSES.includes(read) ? read : AS_LETTER[chars[i]];
      if (!letter) break;
      if (SINGLE_CLASSES.includes(letter)) {
        value += letter;
        changed ||= letter !== chars[i];
        i += 1;
        continue;
      }
      const next = chars[i + 1] ?? '';
      const digit = /\d/.test(next) ? next : AS_DIGIT[next];
      if (!digit || !CLASS_DIGITS[letter].includes(digit)) break;
      value += letter + digit;
      changed ||= letter !== chars[i] || digit !== next;
      i += 2;
    }
    return value ? { value, factor: changed ? 0.9 : 1 } : undefined;
  };
}

/** Text of Latin capitals, digits and `-` (engine numbers), at least `min` long, upper-cased. */
export function alphanumeric(min = 4, max = 20): ValueParser {
  return (raw) => {
    const m = new RegExp(`[A-Z0-9\\-]{${min},${max}}`).exec(raw.toUpperCase());
    return m ? { value: m[0] } : undefined;
  };
}

/** 品牌型号 as printed: the brand in Han characters ending in `牌`, then the model code (`大众汽车牌FV7145TATG`). */
export function makeAndModel(): ValueParser {
  return (raw) => {
    const value = raw.replace(/[^\u3400-\u9fffA-Za-z0-9-]/gu, '');
    const m = brandAndModelRun(value);
    if (m) {
      const read = m.replace(/[a-z]/g, (c) => c.toUpperCase());
      // The model code's numeric block (GB/T 9417: category, main parameter, sequence) has digits: an O right
      // after a digit there is a 0.
      let model = read;
      for (let prev = ''; prev !== model;) [prev, model] = [model, model.replace(/(?<=\d)O/g, '0')];
      return { value: model, factor: model === read ? 1 : 0.9 };
    }
    return value.length >= 3 ? { value, factor: 0.9 } : undefined;
  };
}

/**
 * The first `<Han…>牌<model>` run of a cleaned line: Han characters (and hyphens) before a `牌`, the model code's
 * letters, digits and hyphens after it. Scanned from each `牌` outwards: a regular-expression search would be
 * quadratic on long Han text without one.
 */
function brandAndModelRun(value: string): string | undefined {
  const isHan = (c: string): boolean => c >= '\u3400' && c <= '\u9fff';
  for (let at = value.indexOf('牌'); at !== -1; at = value.indexOf('牌', at + 1)) {
    let start = at;
    while (start > 0 && (isHan(value[start - 1]!) || value[start - 1] === '-')) start -= 1;
    while (start < at && !isHan(value[start]!)) start += 1;
    let end = at + 1;
    while (end < value.length && /[A-Za-z0-9-]/.test(value[end]!)) end += 1;
    if (start < at && end > at + 1) return value.slice(start, end);
  }
  return undefined;
}
