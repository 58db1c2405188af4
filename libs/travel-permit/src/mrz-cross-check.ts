import type { MrzFields } from './mrz.types';

/** Printed (visual inspection zone) values to compare with the zone, keyed by the result key to report. */
export interface VizField {
  /** Result key as reported in the warning, e.g. `出生日期`. */
  key: string;
  /** The printed value. */
  value: string;
  /** The MRZ field it must agree with. */
  mrz: keyof MrzFields;
}

const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9\u4e00-\u9fff]/g, '');

/**
 * Lists printed fields that disagree with the machine-readable zone, as `_detail.warnings` entries
 * `mrz_mismatch:<key>`. Values are compared folded (case, accents, spaces, punctuation and the `-` of dates dropped);
 * a field empty on either side is not compared. The zone truncates long names (ICAO 9303 Part 3 §4.6), so a printed
 * name the zone's name is a prefix of agrees.
 */
export function crossCheckMrz(viz: readonly VizField[], mrz: MrzFields): string[] {
  const warnings: string[] = [];
  for (const f of viz) {
    const printed = fold(f.value);
    const machine = fold(mrz[f.mrz]);
    if (printed === '' || machine === '') continue;
    const isName = f.mrz === 'surname' || f.mrz === 'givenNames';
    const agree = isName ? printed.startsWith(machine) : printed === machine;
    if (!agree) warnings.push(`mrz_mismatch:${f.key}`);
  }
  return warnings;
}
