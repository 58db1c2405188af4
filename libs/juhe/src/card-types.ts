/**
 * The cardType catalogue: every code of Juhe's 证件识别 cardType list (seed document, version 2025-03-29) plus
 * 19 (车牌) and 1100 (VIN), with name, document family and result keys (shared/spec/card-types.md §2).
 */
import { CARD_TYPE_ROWS, type CardTypeRow } from './card-types.data';
import type { CardTypeInfo } from './card-types.types';

/** A code the catalogue knows. */
export type CardTypeCode = (typeof CARD_TYPE_ROWS)[number]['code'];

/** The portrait key (Decision 2): Base64 JPEG without prefix, `""` when none was found. */
export const PORTRAIT_KEY = '头像';
/** Index 0 of most templates, always `""`. */
export const RESERVED_KEY = '保留';
/** Added after the detected type's keys by 101–104: the detected cardType as a decimal string (Decision 5). */
export const DETECTED_TYPE_KEY = '证件类型';

function toInfo(row: CardTypeRow, hasPortrait: boolean): CardTypeInfo {
  const info: CardTypeInfo = {
    code: row.code,
    name: row.name,
    domain: row.domain,
    resultKeys: Object.freeze(row.portrait ? [...row.fields, PORTRAIT_KEY] : [...row.fields]),
    hasPortrait,
    ...(row.candidates ? { candidates: Object.freeze([...row.candidates]) } : {}),
    ...(row.imageFormats ? { imageFormats: Object.freeze([...row.imageFormats]) } : {}),
  };
  return Object.freeze(info);
}

const ROWS: readonly CardTypeRow[] = [...CARD_TYPE_ROWS].sort((a, b) => a.code - b.code);
const ROW_BY_CODE = new Map(ROWS.map((row) => [row.code, row]));

// A composite type (101–104) may yield a portrait when any of its candidates carries one.
const BY_CODE: ReadonlyMap<number, CardTypeInfo> = new Map(
  ROWS.map((row) => {
    const portrait = row.candidates ? row.candidates.some((c) => ROW_BY_CODE.get(c)?.portrait === true) : row.portrait;
    return [row.code, toInfo(row, portrait)];
  }),
);

/** Every catalogued cardType, ascending by code. */
export const CARD_TYPES: readonly CardTypeInfo[] = Object.freeze([...BY_CODE.values()]);

/** Every catalogued code, ascending (37 codes: the seed's 35 plus 19 and 1100). */
export const CARD_TYPE_CODES: readonly CardTypeCode[] = Object.freeze(CARD_TYPES.map((c) => c.code as CardTypeCode));

/** The catalogue entry for `code`, or `undefined` when the code is not catalogued (the API answers 215303). */
export function findCardType(code: number): CardTypeInfo | undefined {
  return BY_CODE.get(code);
}

/** Whether `code` is a catalogued cardType. */
export function isCatalogued(code: number): code is CardTypeCode {
  return BY_CODE.has(code);
}

/** Whether `code` is one of the auto-classifying types 101–104. */
export function isAutoClassifying(code: number): boolean {
  return BY_CODE.get(code)?.candidates !== undefined;
}

/**
 * Parses the `cardType` request parameter: a decimal integer (number or string, surrounding blanks allowed) that
 * the catalogue knows. Anything else (`"2.0"`, `"0x2"`, `""`, unknown codes) gives `undefined`, i.e. 215303.
 */
export function parseCardType(raw: unknown): CardTypeCode | undefined {
  let code: number;
  if (typeof raw === 'number') code = raw;
  else if (typeof raw === 'string' && /^\s*\d{1,6}\s*$/.test(raw)) code = Number(raw.trim());
  else return undefined;
  return Number.isInteger(code) && isCatalogued(code) ? code : undefined;
}

/**
 * Result keys, in output order, for a result of `cardType`.
 * For 101–104 pass the detected type: the keys are the detected type's, then {@link DETECTED_TYPE_KEY}.
 * `orderid`/`userid` are not included (they are request extras, appended by `buildResult`).
 *
 * @throws RangeError when `cardType` is not catalogued, or is 101–104 without a detected type among its candidates.
 */
export function resultKeysFor(cardType: number, detectedCardType?: number): readonly string[] {
  const info = BY_CODE.get(cardType);
  if (!info) throw new RangeError(`cardType ${cardType} is not catalogued`);
  if (!info.candidates) return info.resultKeys;
  if (detectedCardType === undefined || !info.candidates.includes(detectedCardType)) {
    throw new RangeError(`cardType ${cardType} needs a detected type among ${info.candidates.join(',')}`);
  }
  return [...(BY_CODE.get(detectedCardType)?.resultKeys ?? []), DETECTED_TYPE_KEY];
}

/** `{ code, name }` for every catalogued cardType, ascending: what the typeList endpoint lists. */
export function cardTypeList(): Array<{ code: number; name: string }> {
  return CARD_TYPES.map(({ code, name }) => ({ code, name }));
}

/**
 * Whether an image of `format` (sniffed from its bytes) may be sent as `cardType`, by the catalogue row's
 * `imageFormats` (bank cards, 17: JPEG only, as Juhe's document says); refused ones answer 215304.
 */
export function acceptsImageFormat(cardType: number, format: string): boolean {
  const formats = BY_CODE.get(cardType)?.imageFormats;
  return !formats || (formats as readonly string[]).includes(format);
}
