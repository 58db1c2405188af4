import { normalizeIdentifier } from './normalize';

/**
 * Motor-vehicle plate numbers (机动车号牌号码), GA 36-2018. Format only (plates carry no check character):
 * - ordinary, 7 characters: province abbreviation, issuing-authority letter, 5 of `A–Z 0–9` without I and O; the last
 *   may instead be a usage character 学 警 挂 港 澳 领 试 超;
 * - new energy, 8 characters: small vehicles put the energy letter third (`粤BD12345`, then 1 letter or digit and 4
 *   digits), large vehicles last (`粤B12345D`). D A B C E = pure electric, F G H J K = not pure electric;
 * - embassy plates: `使` + 6 digits, or the ordinary shape ending in `使`.
 * The separator dot printed after the second character (`京A·12345`) is ignored.
 */

/** The 31 province abbreviations that open a GA 36 plate number. */
export const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const PROVINCES = PLATE_PROVINCES;
const LETTER = '[A-HJ-NP-Z]';
const ALNUM = '[A-HJ-NP-Z0-9]';
const ENERGY = '[A-HJK]'; // D A B C E: pure electric; F G H J K: other new-energy
const USAGE = '学警挂港澳领试超使';
const ORDINARY = new RegExp(`^[${PROVINCES}]${LETTER}${ALNUM}{5}$`);
const USAGE_PLATE = new RegExp(`^[${PROVINCES}]${LETTER}${ALNUM}{4}[${USAGE}]$`);
const EMBASSY = /^使\d{6}$/;
const NEW_ENERGY_SMALL = new RegExp(`^[${PROVINCES}]${LETTER}${ENERGY}${ALNUM}\\d{4}$`);
const NEW_ENERGY_LARGE = new RegExp(`^[${PROVINCES}]${LETTER}\\d{5}${ENERGY}$`);

export type PlateKind = 'ordinary' | 'usage' | 'embassy' | 'newEnergySmall' | 'newEnergyLarge';

export interface PlateParse {
  valid: boolean;
  /** The text compared (whitespace and the separator dot removed, upper-case). */
  plate: string;
  kind?: PlateKind;
  /** The province abbreviation (absent for `使` + 6 digits). */
  province?: string;
  /** The usage character of a `usage` or suffix-`使` plate. */
  usage?: string;
  /** New-energy plates only. */
  pureElectric?: boolean;
}

/** Parses a plate number as printed (`京A·12345`, `粤BD12345`, `粤Z1234港`, `使123456`). Never throws. */
function parse(text: string): PlateParse {
  const plate = normalizeIdentifier(text).replace(/[·•．.]/g, '');
  const base = { plate, province: PROVINCES.includes(plate[0]) ? plate[0] : undefined };
  if (ORDINARY.test(plate)) return { ...base, valid: true, kind: 'ordinary' };
  if (USAGE_PLATE.test(plate)) return { ...base, valid: true, kind: 'usage', usage: plate[6] };
  if (EMBASSY.test(plate)) return { plate, valid: true, kind: 'embassy', usage: '使' };
  const small = NEW_ENERGY_SMALL.test(plate);
  if (small || NEW_ENERGY_LARGE.test(plate)) {
    const energy = small ? plate[2] : plate[7];
    return {
      ...base,
      valid: true,
      kind: small ? 'newEnergySmall' : 'newEnergyLarge',
      pureElectric: 'DABCE'.includes(energy),
    };
  }
  return { plate, valid: false };
}

/** GA 36-2018 plate numbers, format only: `parse`, `isValid`. */
export const plate = {
  parse,
  isValid: (text: string): boolean => parse(text).valid,
} as const;
