import type { Quad, RgbImage } from '@zhengjian/ocr';
import {
  correctAuthorityPlace,
  divisionNames,
  findAnyLabel,
  findSealRing,
  type FieldReading,
  type LayoutLine,
  type PageLayout,
  type Rect,
  type Rule,
  sealCharacterQuads,
} from '@zhengjian/recognition';

/**
 * The two names a registration authority has had: 工商行政管理局 until the 2018 reform, 市场监督管理局 since. The
 * marks are the characters that tell them apart and no place name shares as often (`市` of `南京市` is not one).
 */
const AUTHORITY_KINDS = [
  { name: '市场监督管理局', marks: '场监督' },
  { name: '工商行政管理局', marks: '工商行政' },
] as const;

type AuthorityKind = (typeof AUTHORITY_KINDS)[number];

/** How many of a kind's marks `text` shows. */
function shown(kind: AuthorityKind, text: string): number {
  return [...kind.marks].filter((c) => text.includes(c)).length;
}

/** The kind whose marks `text` shows the greater share of, or `undefined` on a tie (nothing legible of either). */
function kindShown(text: string): AuthorityKind | undefined {
  const [a, b] = AUTHORITY_KINDS.map((k) => shown(k, text) / k.marks.length);
  return a === b ? undefined : AUTHORITY_KINDS[a > b ? 0 : 1];
}

/**
 * The kind a seal names for sure: its marks outnumber the other kind's by two or more. One stray mark (a glyph of a
 * dim seal re-read as `场` or `工`) does not decide.
 */
function kindSure(text: string): AuthorityKind | undefined {
  const [a, b] = AUTHORITY_KINDS.map((k) => shown(k, text));
  return Math.abs(a - b) >= 2 ? AUTHORITY_KINDS[a > b ? 0 : 1] : undefined;
}

/**
 * The kind of the time a licence was issued (`YYYY年…` 登记日期): 工商行政管理局 before 2018, 市场监督管理局 after;
 * `undefined` in 2018, when the local bureaux were renamed one by one, or without a date.
 */
function kindOfDate(date: string | undefined): AuthorityKind | undefined {
  const year = Number(/^(\d{4})年/.exec(date ?? '')?.[1]);
  if (!year || year === 2018) return undefined;
  return AUTHORITY_KINDS[year > 2018 ? 0 : 1];
}

/** Where the 登记机关 seal is stamped, in the deskewed frame: over and right of its label. */
function sealRegion(layout: PageLayout): { label: LayoutLine; region: Rect } | undefined {
  const label = findAnyLabel(layout, ['登记机关'], { spaced: true });
  if (!label) return undefined;
  const h = label.line.rect.bottom - label.line.rect.top;
  return {
    label: label.line,
    region: {
      left: label.rest.left - h,
      right: label.rest.left + 14 * h,
      top: label.line.rect.top - 7 * h,
      bottom: label.line.rect.bottom + 4 * h,
    },
  };
}

/**
 * The text of the 登记机关 seal, stamped over and right of its label: OCR reads the arc as scattered pieces (`市场监`,
 * `督`, `管理局`, `西`), returned here in the order of their angle around the seal (the name runs clockwise from
 * the left). Lines with digits (the 登记日期 under the seal) are left out.
 */
export function sealPieces(layout: PageLayout): LayoutLine[] {
  const found = sealRegion(layout);
  if (!found) return [];
  const { label, region } = found;
  const pieces = layout.lines.filter(
    (l) =>
      l !== label &&
      !/\d/.test(l.text) &&
      /[\u3400-\u9fff]/u.test(l.text) &&
      l.rect.left >= region.left &&
      l.rect.right <= region.right &&
      l.rect.top >= region.top &&
      l.rect.bottom <= region.bottom,
  );
  if (!pieces.length) return [];
  const cx = (Math.min(...pieces.map((p) => p.rect.left)) + Math.max(...pieces.map((p) => p.rect.right))) / 2;
  const cy = Math.max(...pieces.map((p) => (p.rect.top + p.rect.bottom) / 2));
  const angle = (l: LayoutLine) =>
    Math.atan2((l.rect.top + l.rect.bottom) / 2 - cy, (l.rect.left + l.rect.right) / 2 - cx);
  return pieces.sort((a, b) => angle(a) - angle(b));
}

/**
 * 登记机关: the authority named on the seal, `<place><市场监督管理局|工商行政管理局>`. The place is a division of the
 * code's 登记管理机关行政区划码 (GB 32100 characters 3–8; the first 6 digits of a 15-digit 注册号): the one whose
 * characters the seal shows most: by default the city, or a municipality with its district (`北京市海淀区`). The kind
 * is the one the seal names for sure; else the one of the licence's time (`dateKey`, the 登记日期: 工商行政管理局
 * before the 2018 reform, 市场监督管理局 after); in 2018 or undated, the one whose marks the seal shows most, else the
 * one of the code's time. Without a usable code the seal's own text is kept when it names an authority, its place
 * repaired against GB/T 2260.
 */
export function registrationAuthority(target: string, codeKey: string, dateKey: string): Rule {
  return (ctx) => {
    if (ctx.fields[target]) return;
    const seal = sealPieces(ctx.layout);
    const text = seal.map((l) => l.text).join('');
    const shows = (s: string) => [...s].filter((c) => text.includes(c)).length;
    const code = ctx.fields[codeKey]?.value ?? '';
    const legacy = /^\d{15}$/.test(code);
    // A seal that does not name its kind for sure takes the name of the licence's time: its 登记日期, else its code's
    // (注册号 licences predate the 2018 reform).
    const kind =
      kindSure(text) ?? kindOfDate(ctx.fields[dateKey]?.value) ?? kindShown(text) ?? AUTHORITY_KINDS[legacy ? 1 : 0];
    const places = placeCandidates(divisionNames(legacy ? code.slice(0, 6) : code.slice(2, 8)));
    if (places.length) {
      const distinctive = (p: string) => shows(p.replace(/[省市区县]/g, ''));
      const place = places.reduce((best, p) => (distinctive(p) > distinctive(best) ? p : best), places[0]);
      const score = seal.length ? Math.min(...seal.map((l) => l.score)) : 0;
      ctx.derive(target, place + kind.name, [codeKey], Math.min(1, 0.5 + score / 2));
      return;
    }
    const named = /^[\u3400-\u9fff]{2,12}?(?:市场监督|工商行政)管理局/u.exec(text);
    if (named) ctx.derive(target, correctAuthorityPlace(named[0]).text, [], 0.8);
  };
}

/**
 * The places an authority of that division can be named after, the default first: the prefecture city, then the
 * county-level unit alone; in a municipality, the municipality with its district, then the municipality alone.
 */
function placeCandidates(names: readonly string[]): string[] {
  if (names.length === 0) return [];
  const [province, second, third] = names;
  // A municipality's companies are registered by its districts' bureaux (上海市浦东新区市场监督管理局).
  const municipality = names.length <= 2 && /市$/.test(province);
  if (municipality) return second ? [province + second, province] : [province];
  return [second ?? province, ...(third ? [third] : [])];
}

/**
 * `reread` hook: the characters of the 登记机关 seal, one quad each (upright-page pixels), when the seal's text as
 * the detector found it does not tell 市场监督管理局 from 工商行政管理局 for sure (the detector finds few lines on an
 * arc). The seal is looked for as a red ring in the region over and right of its label; `[]` when the text already
 * decides, the label is not found, or no ring is there.
 */
export function sealRereads(
  image: () => RgbImage,
  layout: PageLayout,
  fields: Readonly<Record<string, FieldReading>>,
  authorityKey: string,
): Quad[] {
  if (!fields[authorityKey]) return [];
  if (
    kindSure(
      sealPieces(layout)
        .map((l) => l.text)
        .join(''),
    )
  )
    return [];
  const found = sealRegion(layout);
  if (!found) return [];
  const corners = layout.toPage(found.region);
  const xs = corners.map((p) => p.x);
  const ys = corners.map((p) => p.y);
  const page = image();
  const ring = findSealRing(page, {
    left: Math.min(...xs),
    top: Math.min(...ys),
    right: Math.max(...xs),
    bottom: Math.max(...ys),
  });
  return ring ? sealCharacterQuads(page, ring) : [];
}
