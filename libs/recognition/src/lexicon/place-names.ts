import { AdminDivisions, type Division } from './admin-divisions';

/** A correction made to a place name, for `_detail` and logs (no personal data: place names only). */
export interface PlaceCorrection {
  text: string;
  corrected: boolean;
}

/**
 * Repairs OCR slips in the leading province / city / county names of an address (住址), walking GB/T 2260 from the
 * top: at each level the name printed must be a division of the level above. The names are those of every edition
 * since 2002 (see {@link AdminDivisions}): a card keeps the names of the year it was issued, so a name that was ever
 * a division (襄樊市, 思茅市, 巢湖市) is never rewritten. A read name that was never a division is replaced only by a
 * name of that parent that differs from it in exactly one character (not the 省/市/县/区 suffix); among several, the
 * one whose code agrees with `hintCode` (the ID number's first 6 digits: 2 for a province, 4 for a city, 6 for a
 * county) wins, else nothing changes. Characters are only ever substituted one for one (a dropped character is not
 * restored); the one deletion made is of a single stray character before an exact province name.
 */
export function correctAddressPlaces(text: string, hintCode?: string): PlaceCorrection {
  const divisions = AdminDivisions.get();
  let out = text;
  let pos = 0;
  let corrected = false;
  const step = (candidates: Division[], hintDigits: number): Division | undefined => {
    const found = matchAt(out, pos, candidates, hintCode?.slice(0, hintDigits));
    if (!found) return undefined;
    if (found.replaced) {
      out = out.slice(0, pos) + found.division.name + out.slice(pos + found.division.name.length);
      corrected = true;
    }
    pos += found.division.name.length;
    return found.division;
  };
  let province = step(divisions.provinces, 2);
  // A card address starts with its province: one stray character read in front of an exact province name (a sliver
  // of the 住址 label, a speck) is dropped.
  if (!province && divisions.provinces.some((p) => out.startsWith(p.name, 1))) {
    out = out.slice(1);
    corrected = true;
    province = step(divisions.provinces, 2);
  }
  if (!province) return { text, corrected: false };
  const city = step(divisions.citiesOf(province), 4);
  step(divisions.countiesOf(city ?? province), 6);
  return { text: out, corrected };
}

let authorityPool: Map<number, Division[]> | undefined;

/** County-level units and prefecture-level cities of every edition, by name length; built once. */
function authorityPlacesByLength(): Map<number, Division[]> {
  if (!authorityPool) {
    authorityPool = new Map();
    for (const d of AdminDivisions.get().authorityPlaces) {
      const list = authorityPool.get(d.name.length);
      if (list) list.push(d);
      else authorityPool.set(d.name.length, [d]);
    }
  }
  return authorityPool;
}

/**
 * Repairs the county or city name that starts an issuing or registration authority (签发机关 `…公安局`, 登记机关
 * `…市场监督管理局` / `…工商行政管理局`), e.g. `激浦县公安局` → `溆浦县公安局`, when exactly one GB/T 2260 name (of any
 * edition since 2002) differs from the read one in one character. A name that was ever a division (`襄樊市公安局`)
 * and ambiguous readings stay as read.
 */
export function correctAuthorityPlace(text: string): PlaceCorrection {
  const m = /^(.{1,8}?[县市区旗])(?:公安|市场监督|工商行政)/.exec(text);
  if (!m) return { text, corrected: false };
  const found = matchAt(text, 0, authorityPlacesByLength().get(m[1].length) ?? []);
  if (!found?.replaced) return { text, corrected: false };
  return { text: found.division.name + text.slice(found.division.name.length), corrected: true };
}

/**
 * The division whose name starts `text` at `pos`: the longest exact name, else the one name (several editions may
 * list it under different codes) one substitution away, else the one such name whose code starts with `hint`.
 */
function matchAt(
  text: string,
  pos: number,
  candidates: Division[],
  hint?: string,
): { division: Division; replaced: boolean } | undefined {
  const exact = candidates.filter((d) => text.startsWith(d.name, pos)).sort((a, b) => b.name.length - a.name.length)[0];
  if (exact) return { division: exact, replaced: false };
  const near = candidates.filter(
    (d) => d.name.length >= 2 && oneSubstitutionApart(text.slice(pos, pos + d.name.length), d.name),
  );
  const hinted = hint ? near.filter((d) => d.code.startsWith(hint)) : [];
  for (const pool of [hinted, near]) {
    if (new Set(pool.map((d) => d.name)).size === 1) return { division: pool[0], replaced: true };
  }
  return undefined;
}
/** Same length, exactly one differing character, and the administrative suffix (last character) identical. */
function oneSubstitutionApart(read: string, name: string): boolean {
  if (read.length !== name.length || read[read.length - 1] !== name[name.length - 1]) return false;
  let diff = 0;
  for (let i = 0; i < name.length; i++) if (read[i] !== name[i]) diff++;
  return diff === 1;
}

/**
 * The GB/T 2260 names (any edition since 2002) a 6-digit division code stands for, from the top: province, then
 * prefecture city (absent under a municipality), then county-level unit (absent for a city's own code). Empty when
 * the province is unknown. E.g. `520102` → `['贵州省', '贵阳市', '南明区']`, `110108` → `['北京市', '海淀区']`.
 */
export function divisionNames(code: string): string[] {
  if (!/^\d{6}$/.test(code)) return [];
  const divisions = AdminDivisions.get();
  const province = divisions.provinces.find((p) => p.code === `${code.slice(0, 2)}0000`);
  if (!province) return [];
  const city = divisions.citiesOf(province).find((c) => c.code === `${code.slice(0, 4)}00`);
  const county = code.endsWith('00') ? undefined : divisions.countiesOf(city ?? province).find((c) => c.code === code);
  return [province.name, ...(city ? [city.name] : []), ...(county ? [county.name] : [])];
}
