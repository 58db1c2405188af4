import { findLabel } from '../layout/label-anchor';
import { labelColumn, labelsOnOneRow } from '../layout/label-arrangement';
import type { LayoutLine, PageLayout } from '../layout/page-layout';
import { rightOf } from '../layout/placement';
import type { LayoutCue, Signature } from '../spec/document-spec';

/** A document that can be told apart on a page by its signature. */
export interface Classifiable {
  cardType: number;
  signature: Signature;
}

/** How much of a document's signature a page shows. */
export interface SignatureScore {
  cardType: number;
  /** 2 per title (at most one counts), 1 per label, layout cue and token found, 1 per shared label once the
   * document's own cues show. */
  points: number;
  /** `points` reached the signature's threshold (default 3). */
  holds: boolean;
  /**
   * A cue of this document itself was found: its title or one of its tokens. Labels are shared between documents
   * (签发机关, 有效期限, 姓名) and prove nothing alone, unless the signature has no title and no token: then any label
   * found is proof.
   */
  proof: boolean;
  /** Its printed title was found (not shadowed by a longer title of another document on the same line). */
  titled: boolean;
  /** Printed cues found, for logs (no personal data: labels and titles only; tokens as `#n`). */
  cues: string[];
}

const HAN = /\p{Script=Han}/u;

/** A title is long: allow one wrong character in four. */
function titleBudget(title: string): number {
  return Math.floor(title.length / 4);
}

/**
 * Scores every document's signature on one page. A title printed inside another document's longer title on the
 * same line (the 正页 title inside `…驾驶证副页`), or found only approximately on a line where another document's
 * title is printed exactly, counts for that other document only. A title followed by another Chinese character on
 * its line is part of a longer word (a label such as `护照号`) and does not count.
 */
export function scoreSignatures(layout: PageLayout, documents: readonly Classifiable[]): SignatureScore[] {
  const titles = documents.map((d) => {
    for (const title of d.signature.titles) {
      const match = findLabel(layout, title, titleBudget(title));
      // A title ends its word: `护照` in `护照号`, `居民身份证` read into `公民身份证件编号` are labels, not titles.
      if (match && !HAN.test(match.line.text.charAt(match.end))) return { title, line: match.line };
    }
    return undefined;
  });
  const text = layout.lines.map((l) => l.text).join('\n');
  return documents.map((d, i) => {
    if (d.signature.vetoes?.some((veto) => (typeof veto === 'function' ? veto(text) : showsLayoutCue(layout, veto)))) {
      return { cardType: d.cardType, points: 0, holds: false, proof: false, titled: false, cues: ['veto'] };
    }
    const own = titles[i];
    // Shadowed: inside a longer title of another document, or only approximately there where another title is
    // printed exactly (`居民身份证` read into `外国人永久居留身份证`, one character apart).
    const exact = (t: { title: string; line: { text: string } }) => t.line.text.includes(t.title);
    const shadowed =
      own !== undefined &&
      titles.some(
        (t) =>
          t &&
          t !== own &&
          t.line === own.line &&
          ((t.title.length > own.title.length && t.title.includes(own.title)) || (exact(t) && !exact(own))),
      );
    const cues: string[] = [];
    let points = 0;
    let proof = false;
    const titled = !!own && !shadowed;
    if (titled) {
      points += 2;
      proof = true;
      cues.push(own.title);
    }
    for (const label of d.signature.labels) {
      if (findLabel(layout, label)) {
        points += 1;
        cues.push(label);
      }
    }
    (d.signature.layout ?? []).forEach((cue, n) => {
      if (showsLayoutCue(layout, cue)) {
        points += 1;
        cues.push(`layout#${n}`);
      }
    });
    // Shared labels are evidence only beside the document's own printed cues.
    const ownShown = points > 0;
    for (const label of ownShown ? (d.signature.sharedLabels ?? []) : []) {
      if (findLabel(layout, label)) {
        points += 1;
        cues.push(label);
      }
    }
    (d.signature.tokens ?? []).forEach((token, n) => {
      if (typeof token === 'function' ? token(text) : token.test(text)) {
        points += 1;
        proof = true;
        cues.push(`#${n}`);
      }
    });
    if (d.signature.titles.length === 0 && !d.signature.tokens?.length) proof = points > 0;
    return { cardType: d.cardType, points, holds: points >= (d.signature.threshold ?? 3), proof, titled, cues };
  });
}

function showsLayoutCue(layout: PageLayout, cue: LayoutCue): boolean {
  if ('row' in cue) return labelsOnOneRow(layout, cue.row);
  if ('column' in cue) return labelColumn(layout, cue.column, cue.min);
  const label = findLabel(layout, cue.label);
  return label !== undefined && cue.value.test(rightOf(layout, label).text);
}

/** Lines read with confidence ≥ 0.8 and at least 2 characters: how much legible text the page has. */
export function legibleLines(lines: readonly LayoutLine[]): number {
  return lines.filter((l) => l.score >= 0.8 && l.text.length >= 2).length;
}
