import {
  type LabelMatch,
  type PageLayout,
  findLabel,
  isRealDate,
  valueRightOf,
  verticalOverlap,
} from '@zhengjian/recognition';
import { isValidCitizenId } from '../validators/gb11643';
import { parseValidity } from './validity';

/** Labels printed on the 人像面 (front) of a second-generation ID card. */
export const FRONT_LABELS = ['姓名', '性别', '民族', '出生', '住址', '公民身份号码'] as const;
/** Texts printed on the 国徽面 (back). */
export const BACK_CUES = ['中华人民共和国', '居民身份证', '签发机关', '有效期限'] as const;

/** The labels of the front's left column, top to bottom (GA 450 card face). */
const FRONT_COLUMN = ['姓名', '性别', '出生', '住址'] as const;
/** An 18-character run standing alone (not inside a longer number such as an invoice or account number). */
const ID_RUN = /(?<![\dA-Z])\d{17}[\dXx×](?![\dA-Z])/g;

export type IdCardSide = 'front' | 'back';

/**
 * What the page shows of a resident ID card. `front`/`back` count every printed cue, including words that other
 * documents print too (a passport page has 性别, 出生日期, 签发机关, 中华人民共和国); `frontProof`/`backProof` count only
 * positive evidence of this card: cues no other document combines the same way (see {@link gatherEvidence}).
 */
export interface IdCardEvidence {
  front: number;
  back: number;
  /** Front-only evidence: the 公民身份号码 label, an ID-number run, 民族 on 性别's row, the label column in order. */
  frontProof: number;
  /** Back-only evidence: the 居民身份证 title, a validity period printed as the card prints it. */
  backProof: number;
  /** Lines read with confidence ≥ 0.8 and at least 2 characters: "the page has legible text". */
  legibleLines: number;
  /** An 18-character run that looks like a 公民身份号码 was read. */
  hasIdNumber: boolean;
  /** …and it passes GB 11643 (check character and birth date): strong evidence of a front on its own. */
  hasValidIdNumber: boolean;
}

/** Counts the cues of each side on the page; the recognizers decide from them. */
export function gatherEvidence(layout: PageLayout): IdCardEvidence {
  const all = layout.lines.map((l) => l.text).join('|');
  // A run counts when digits 7–14 are a real birth date: an OCR slip elsewhere leaves a plausible number.
  const runs = [...all.matchAll(ID_RUN)]
    .map((m) => m[0].replace('×', 'X').toUpperCase())
    .filter((run) => isPlausibleBirth(run.slice(6, 14)));
  const labels = new Map(FRONT_LABELS.map((label) => [label, findLabel(layout, label)]));
  const hasIdNumber = runs.length > 0;
  const hasValidIdNumber = runs.some((run) => isValidCitizenId(run));
  const frontProofs = [
    // Exact: OCR reads 号码 on many forms, never this label on anything but the card and its photocopies.
    findLabel(layout, '公民身份号码', 1) !== undefined,
    hasIdNumber,
    hasValidIdNumber,
    sameRow(labels.get('性别'), labels.get('民族')),
    labelColumn(FRONT_COLUMN.map((label) => labels.get(label))),
  ];
  const validity = findLabel(layout, '有效期限');
  const backProofs = [
    // 居民身份证 with at most one slip, and not the front's 公民身份号码 read loosely.
    findLabel(layout, '居民身份证', 1)?.line.text.includes('号') === false,
    validity !== undefined && parseValidity(valueRightOf(layout, validity).text, true) !== undefined,
  ];
  return {
    front: [...labels.values()].filter(Boolean).length,
    back: BACK_CUES.filter((cue) => findLabel(layout, cue)).length,
    frontProof: frontProofs.filter(Boolean).length,
    backProof: backProofs.filter(Boolean).length,
    legibleLines: layout.lines.filter((l) => l.score >= 0.8 && l.text.length >= 2).length,
    hasIdNumber,
    hasValidIdNumber,
  };
}

function isPlausibleBirth(yyyymmdd: string): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  return year >= 1880 && isRealDate(year, Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8)));
}

/** 性别 and 民族 printed side by side on one row, 民族 to the right: the front's second row. */
function sameRow(sex: LabelMatch | undefined, ethnic: LabelMatch | undefined): boolean {
  if (!sex || !ethnic) return false;
  if (sex.line === ethnic.line) return ethnic.start > sex.start;
  return verticalOverlap(sex.line.rect, ethnic.line.rect) > 0.5 && ethnic.line.rect.left > sex.line.rect.left;
}

/** At least three of the left-column labels found, left-aligned (within two characters) and in the card's order. */
function labelColumn(found: (LabelMatch | undefined)[]): boolean {
  const present = found.filter((m): m is LabelMatch => m !== undefined);
  if (present.length < 3) return false;
  const h = Math.min(...present.map((m) => m.line.rect.bottom - m.line.rect.top));
  const lefts = present.map((m) => m.line.rect.left);
  const inOrder = present.every((m, i) => i === 0 || m.line.rect.top > present[i - 1].line.rect.top);
  return inOrder && Math.max(...lefts) - Math.min(...lefts) < 2 * h;
}

/** Cue score of each side: printed cues, only once the page shows positive evidence of that side. */
export function sideScore(e: IdCardEvidence, side: IdCardSide): number {
  if (side === 'back') return e.backProof > 0 ? e.back + e.backProof : 0;
  return e.frontProof > 0 ? e.front + e.frontProof : 0;
}

/** Whether the page shows `side` with enough cues to read it (also when the other side is on the page too). */
export function showsSide(e: IdCardEvidence, side: IdCardSide): boolean {
  return sideScore(e, side) >= 2;
}

/** The side the page shows most, or `undefined` when it shows neither with enough cues (auto-classification). */
export function detectSide(e: IdCardEvidence): IdCardSide | undefined {
  const front = sideScore(e, 'front');
  const back = sideScore(e, 'back');
  if (front >= 2 && front >= back) return 'front';
  if (back >= 2) return 'back';
  return undefined;
}

// Legible lines from which a page without any evidence of an ID card is taken for another document.
const LEGIBLE_PAGE = 3;

/**
 * Why the page is not the requested side (card-types.md decision 6). The decision rests on positive evidence of
 * the card, never on recognising some other document: the other side shown → 215308; evidence of the card but
 * too little to read → 215305 (billed); no evidence at all but legible text → 215308 (another document, whatever
 * it is); nothing legible → 215305.
 */
export function refusal(
  e: IdCardEvidence,
  wanted: IdCardSide | 'either',
): { errorCode: 215305 | 215308; detail: string } {
  const side = detectSide(e);
  if (side !== undefined && wanted !== 'either' && side !== wanted) {
    return { errorCode: 215308, detail: `the image shows the ${side} of the ID card, not the ${wanted}` };
  }
  if (e.frontProof + e.backProof === 0 && e.legibleLines >= LEGIBLE_PAGE) {
    return { errorCode: 215308, detail: 'the image has legible text but no evidence of a resident ID card' };
  }
  return { errorCode: 215305, detail: 'no ID card could be read in the image' };
}
