import type { SignatureScore } from './signature-score';

/** Points by which another document must beat the asked one before the page is read as that other document. */
export const CLASSIFICATION_MARGIN = 2;
/** Legible lines from which a page without any cue of the asked document is "clearly something else". */
export const LEGIBLE_FOR_OTHER = 4;

export type Classification =
  { status: 'read'; cardType: number } | { status: 'failed'; errorCode: 215305 | 215308; detail: string };

/**
 * The decision for one request, over the page's signature scores (card-types.md decision 6). Asked for one type
 * or a composite's `candidates`: the best candidate whose signature holds is read, unless a non-candidate holds
 * and beats it by {@link CLASSIFICATION_MARGIN} (`companions`, the best candidate's other side, never do). 215308 when
 * another document holds (or the page has legible text and no proof of any candidate: no title or token, only labels
 * other documents print too); 215305 when nothing is legible or the candidate shows but too little to read.
 */
export function classify(
  scores: readonly SignatureScore[],
  candidates: readonly number[],
  legible: number,
  companions: Readonly<Record<number, readonly number[]>> = {},
): Classification {
  const own = scores.filter((s) => candidates.includes(s.cardType)).sort((a, b) => b.points - a.points);
  const rivals = scores.filter((s) => !candidates.includes(s.cardType) && s.holds).sort((a, b) => b.points - a.points);
  const best = own[0];
  const rival = rivals[0];
  // The other side of the same card, printed beside it on one page, does not outrank a side that holds.
  const outranking = rivals.find((r) => !companions[best?.cardType ?? NaN]?.includes(r.cardType));
  if (best?.holds && !(outranking && outranks(outranking, best))) {
    return { status: 'read', cardType: best.cardType };
  }
  if (rival) return { status: 'failed', errorCode: 215308, detail: `the image shows cardType ${rival.cardType}` };
  // Labels alone are printed by many documents: without a title or token of the candidate, legible text is another one.
  if (!best?.proof && legible >= LEGIBLE_FOR_OTHER) {
    return { status: 'failed', errorCode: 215308, detail: 'the image has legible text but no proof of the document' };
  }
  return { status: 'failed', errorCode: 215305, detail: 'the document could not be read' };
}

/**
 * The cross-domain refusal (card-types.md decision 6), run on every page before the asked type's recognizer: the
 * document outside `candidates` that clearly shows on the page, or `undefined` when none does (the recognizer then
 * decides as usual). A document clearly shows when its signature holds and either it beats the candidates' best
 * score by {@link CLASSIFICATION_MARGIN}, or its title shows and no candidate's does, or some candidate has a
 * signature and none shows a single cue, or no candidate's signature holds while the other's holds on a cue of its
 * own (title or token) with more points (what {@link classify} decides among one recognizer's documents, here across
 * recognizers that do not know each other's: the 港澳居民来往内地通行证 back carries an HKID, a token of the 香港身份證);
 * never when a candidate's title shows and its own does not. Candidates without a signature (absent from `scores`)
 * count 0 points and are refused by the margin rule only.
 */
export function anotherDocument(
  scores: readonly SignatureScore[],
  candidates: readonly number[],
): SignatureScore | undefined {
  const own = scores.filter((s) => candidates.includes(s.cardType));
  const best = Math.max(0, ...own.map((s) => s.points));
  const rival = scores
    .filter((s) => !candidates.includes(s.cardType) && s.holds)
    .sort((a, b) => b.points - a.points)[0];
  if (!rival) return undefined;
  const ownTitled = own.some((s) => s.titled);
  if (ownTitled && !rival.titled) return undefined;
  const titledRival = rival.titled && !ownTitled;
  const ownHolds = own.some((s) => s.holds);
  const unmatched = own.length > 0 && !ownHolds && rival.proof && rival.points > best;
  return rival.points >= best + CLASSIFICATION_MARGIN || (own.length > 0 && best === 0) || titledRival || unmatched
    ? rival
    : undefined;
}

/**
 * Whether another document that holds outranks the candidate: by {@link CLASSIFICATION_MARGIN} points, or by its
 * printed title when the candidate's title was not found, and never without its title when the candidate's shows (a
 * title is the strongest evidence: documents that print the ID card's labels — residence permits, the 临时身份证 —
 * carry a title the ID card front does not).
 */
function outranks(rival: SignatureScore, candidate: SignatureScore): boolean {
  if (rival.titled !== candidate.titled) return rival.titled;
  return rival.points >= candidate.points + CLASSIFICATION_MARGIN;
}
