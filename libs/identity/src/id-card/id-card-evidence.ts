import { type PageLayout, findLabel } from '@zhengjian/recognition';
import { isValidCitizenId } from '../validators/gb11643';

/** Labels printed on the 人像面 (front) of a second-generation ID card. */
export const FRONT_LABELS = ['姓名', '性别', '民族', '出生', '住址', '公民身份号码'] as const;
/** Texts printed on the 国徽面 (back). */
export const BACK_CUES = ['中华人民共和国', '居民身份证', '签发机关', '有效期限'] as const;

/** Words that only other documents carry: seeing one means the image is not a resident ID card. */
const OTHER_DOCUMENT_CUES = [
  '银行',
  '银联',
  'UnionPay',
  'UNIONPAY',
  'VALIDTHRU',
  '信用卡',
  '借记卡',
  'DEBIT',
  'CREDIT',
  '营业执照',
  '统一社会信用代码',
  '法定代表人',
  '注册资本',
  '经营范围',
  '成立日期',
  '驾驶证',
  '行驶证',
  '准驾车型',
  '号牌号码',
  '车辆识别代号',
  '护照',
  'PASSPORT',
  '通行证',
  '居住证',
  '永久居留',
  '临时身份证',
];

export type IdCardSide = 'front' | 'back';

/** What the page looks like, as counts of ID-card cues; the recognizers decide from it. */
export interface IdCardEvidence {
  front: number;
  back: number;
  /** The first cue of another document found, if any. */
  otherDocument?: string;
  /** Lines read with confidence ≥ 0.8 and at least 2 characters: "the page has legible text". */
  legibleLines: number;
  /** An 18-character run that looks like a 公民身份号码 was read. */
  hasIdNumber: boolean;
  /** …and it passes GB 11643 (check character and birth date): strong evidence of a front on its own. */
  hasValidIdNumber: boolean;
}

export function gatherEvidence(layout: PageLayout): IdCardEvidence {
  const all = layout.lines.map((l) => l.text).join('|');
  const runs = [...all.matchAll(/\d{17}[\dXx×]/g)].map((m) => m[0].replace('×', 'X'));
  const upper = all.toUpperCase();
  return {
    front: FRONT_LABELS.filter((label) => findLabel(layout, label)).length,
    back: BACK_CUES.filter((cue) => findLabel(layout, cue)).length,
    otherDocument: OTHER_DOCUMENT_CUES.find((cue) => upper.includes(cue.toUpperCase())),
    legibleLines: layout.lines.filter((l) => l.score >= 0.8 && l.text.length >= 2).length,
    hasIdNumber: runs.length > 0,
    hasValidIdNumber: runs.some((run) => isValidCitizenId(run)),
  };
}

/** Cue score of each side: printed labels, plus the ID number for the front (a valid one counts double). */
export function sideScore(e: IdCardEvidence, side: IdCardSide): number {
  return side === 'back' ? e.back : e.front + (e.hasValidIdNumber ? 2 : e.hasIdNumber ? 1 : 0);
}

/** Whether the page shows `side` with enough cues to read it (also when the other side is on the page too). */
export function showsSide(e: IdCardEvidence, side: IdCardSide): boolean {
  return sideScore(e, side) >= 2;
}

/** The side the page shows most, or `undefined` when it shows neither with enough cues (auto-classification). */
export function detectSide(e: IdCardEvidence): IdCardSide | undefined {
  const front = sideScore(e, 'front');
  if (front >= 2 && front >= e.back) return 'front';
  if (e.back >= 2) return 'back';
  return undefined;
}

/**
 * Why the page is not the requested side: 215308 when it is clearly something else (the other side, another
 * document, or legible text with no ID-card cue), 215305 when it is too poor to tell (card-types.md decision 6).
 */
export function refusal(
  e: IdCardEvidence,
  wanted: IdCardSide | 'either',
): { errorCode: 215305 | 215308; detail: string } {
  const side = detectSide(e);
  if (e.otherDocument && (side === undefined || e.front + e.back <= 2)) {
    return { errorCode: 215308, detail: 'the image shows another document than a resident ID card' };
  }
  if (side !== undefined && wanted !== 'either' && side !== wanted) {
    return { errorCode: 215308, detail: `the image shows the ${side} of the ID card, not the ${wanted}` };
  }
  if (side === undefined && e.front + e.back === 0 && !e.hasIdNumber && e.legibleLines >= 4) {
    return { errorCode: 215308, detail: 'the image has legible text but no resident ID card' };
  }
  return { errorCode: 215305, detail: 'no ID card could be read in the image' };
}
