import type { MrzReading } from './mrz-reader';

/** Result values computed from a read zone, in the catalogue's formats (card-types.md). */

/** 性别 as the catalogue writes it: `M` → `男`, `F` → `女`; `X` and fillers give `""`. */
export function sexName(zone: MrzReading): string {
  return zone.fields.sex === 'M' ? '男' : zone.fields.sex === 'F' ? '女' : '';
}

/** 英文姓名: `SURNAME GIVEN NAMES`, as the names are printed. */
export function zoneName(zone: MrzReading): string {
  return [zone.fields.surname, zone.fields.givenNames].filter(Boolean).join(' ');
}

/** Line `index` of the zone, as corrected (`A–Z 0–9 <`). */
export function zoneLine(index: number): (zone: MrzReading) => string {
  return (zone) => zone.lines[index] ?? '';
}

// ICAO 9303-3 codes of the states whose documents these recognizers meet most, as Chinese documents name them.
const STATE_NAMES: Readonly<Record<string, string>> = { CHN: '中国' };

/** 国籍 in Chinese from the holder's nationality code, `""` for a code without a name here. */
export function nationalityName(zone: MrzReading): string {
  return STATE_NAMES[zone.fields.nationality] ?? '';
}
