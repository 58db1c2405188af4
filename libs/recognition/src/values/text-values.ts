import { correctAuthorityPlace } from '../lexicon/place-names';
import type { ValueParser } from './value-parser';

/**
 * An address as printed: Han characters, digits and the punctuation addresses print (`-`, `#`, `()`, `·`); Latin
 * letters too with `latin` (`A座`, `B1栋`). At least two Han characters, or the text is no address.
 */
export function address(options: { latin?: boolean } = {}): ValueParser {
  const drop = options.latin ? /[^\u3400-\u9fff0-9A-Za-z#()（）·—-]/gu : /[^\u3400-\u9fff0-9#()（）·-]/gu;
  return (raw) => {
    const value = raw.replace(drop, '');
    return /[\u3400-\u9fff]{2}/u.test(value) ? { value } : undefined;
  };
}

/**
 * The issuing office as printed on a seal or after a label (`…公安局交通警察支队`, `北京市公安局朝阳分局`): Han
 * characters, at least 4, the place name at its start checked against GB/T 2260 (one-character slips repaired,
 * confidence × 0.95).
 */
export function issuingOffice(): ValueParser {
  return (raw) => {
    const han = raw.replace(/[^\u3400-\u9fff]/gu, '');
    if (han.length < 4) return undefined;
    const place = correctAuthorityPlace(han);
    return { value: place.text, factor: place.corrected ? 0.95 : 1 };
  };
}
