import {
  COMMON_LOOK_ALIKES,
  type Correction,
  correctLookAlikes,
  normalizeIdentifier,
  USCC_ALPHABET,
  uscc,
} from '@zhengjian/identifiers';
import { checkedIdentifier, datesIn, digits, formatDate, type ValueParser } from '@zhengjian/recognition';

/** Characters 3–8 of a USCC (登记管理机关行政区划码, GB/T 2260) are digits; every other position takes the alphabet. */
const USCC_RUN = /[0-9A-Z]{2}[0-9OoDQIl|]{6}[0-9A-Z]{10}/;

/**
 * A USCC reading corrected only where OCR cannot have been right: a character GB 32100 never uses (I, O, S, V, Z)
 * or a letter among the region digits is replaced by its look-alike, and only when exactly one replacement passes
 * the check (`correctLookAlikes` with no speculative change). A code printed with a wrong check character (the
 * pilot codes issued before 2016) keeps all its characters.
 */
function correctUscc(reading: string): Correction {
  return correctLookAlikes(normalizeIdentifier(reading), {
    alphabet: usccAlphabetAt,
    lookAlikes: COMMON_LOOK_ALIKES,
    isValid: (candidate) => uscc.isValid(candidate),
    maxSubstitutions: 0,
  });
}

function usccAlphabetAt(index: number): string {
  return index >= 2 && index < 8 ? '0123456789' : USCC_ALPHABET;
}

/**
 * A code that fails its check whatever is tried, with the characters no position allows replaced by their one
 * look-alike allowed there (`O` → `0`): the format at least is the printed one's. Kept as read where that is not
 * unique.
 */
function formatOnly(code: string): string {
  const chars = [...code];
  for (let i = 0; i < chars.length; i++) {
    const allowed = usccAlphabetAt(i);
    if (allowed.includes(chars[i])) continue;
    const options = [...(COMMON_LOOK_ALIKES[chars[i]] ?? '')].filter((c) => allowed.includes(c));
    if (options.length !== 1) return code;
    chars[i] = options[0];
  }
  return chars.join('');
}

const usccValue = checkedIdentifier({
  candidates: USCC_RUN,
  prepare: (s) => s.toUpperCase().replace(/\|/g, '1'),
  correct: correctUscc,
});
const registrationNumber = digits(15);

/**
 * 统一社会信用代码 (GB 32100, 18 characters) or, on a licence issued before 多证合一, the 15-digit 注册号 printed in its
 * place. A USCC failing its check after the correction above is returned as printed, flagged `checksum_failed`
 * (card-types.md decision 7: legally issued pilot codes fail it).
 */
export function creditCode(): ValueParser {
  return (raw) => {
    const text = raw.replace(/[^0-9A-Za-z|]/g, '');
    if (text.length >= 18) {
      const parsed = usccValue(text);
      if (parsed?.warnings?.includes('checksum_failed')) return { ...parsed, value: formatOnly(parsed.value) };
      if (parsed) return parsed;
    }
    return registrationNumber(text);
  };
}

/** 营业期限: `YYYY年MM月DD日至YYYY年MM月DD日`, or `…至长期` for an open term, as printed. */
export function businessTerm(): ValueParser {
  return (raw) => {
    const dates = datesIn(raw).map((iso) => formatDate(iso, 'YYYY年MM月DD日'));
    if (dates.length >= 2) return { value: `${dates[0]}至${dates[1]}` };
    if (dates.length === 1 && /长期|长|期$/.test(raw.slice(raw.indexOf('至') + 1))) {
      return { value: `${dates[0]}至长期` };
    }
    return undefined;
  };
}

/** 注册资本 / 出资额 as printed (`伍佰万元整`, `人民币伍佰万元整`, `500万元人民币`): Han characters, digits, `.`. */
export function capital(): ValueParser {
  return (raw) => {
    const value = raw.replace(/[^\u3400-\u9fff0-9.]/gu, '');
    return /万|元/.test(value) ? { value } : undefined;
  };
}

/** Free text of a licence (名称, 类型, 经营范围…): everything but white space, ASCII brackets and `;:,` made full-width. */
export function licenceText(min = 2): ValueParser {
  const full: Readonly<Record<string, string>> = { '(': '（', ')': '）', ';': '；', ':': '：', ',': '，' };
  return (raw) => {
    // `丶` is OCR's reading of the enumeration comma `、`.
    const value = raw.replace(/[();:,]/g, (c) => full[c]).replace(/丶/g, '、');
    return [...value].length >= min && /[\u3400-\u9fff]/u.test(value) ? { value } : undefined;
  };
}

/**
 * 副本: `副本` and the 副本编号 when printed (`副本编号：1-2` → `副本1-2`); a 正本 prints neither, hence no value.
 */
export function copyMark(): ValueParser {
  return (raw) => {
    if (!raw.includes('副') && !raw.includes('本')) return undefined;
    const number = /(\d{1,2})[-—–－](\d{1,2})/.exec(raw);
    if (number) return { value: `副本${number[1]}-${number[2]}` };
    return /副本/.test(raw) ? { value: '副本' } : undefined;
  };
}

/** 经营范围: items joined by `；`, ending with `。` (a full stop OCR read as `·` or `.` is restored). */
export function businessScope(): ValueParser {
  const text = licenceText();
  // Items never hold a colon: `：` between two items is OCR's reading of `；`.
  return (raw) =>
    text(
      raw
        .replace(/[·.]$/, '。')
        .replace(/[·.](?=[（(])/, '。')
        .replace(/[:：](?=.)/g, '；')
        // The approval sentence is a fixed formula printed in brackets: a bracket OCR dropped is restored.
        .replace(/(?<![（(])依法须经批准的项目/, '（依法须经批准的项目'),
    );
}
