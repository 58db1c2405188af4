import {
  type FieldReading,
  type LayoutLine,
  PageLayout,
  type Rect,
  type RecognitionOutcome,
  type RecognitionWarning,
  type Recognizer,
  UNCERTAIN_CONFIDENCE_FACTOR,
  correctAddressPlaces,
  findLabel,
  hasUncertainCharacters,
  meanScore,
  parseDate,
  regionRightOf,
  unionRect,
  valueRightOf,
} from '@zhengjian/recognition';
import type { OcrPage, Quad } from '@zhengjian/ocr';
import { parseCitizenId } from '../validators/gb11643';
import { resolveCitizenIdReading } from '../validators/citizen-id-reading';
import { matchEthnicGroup } from './ethnic-groups';
import { FRONT_LABELS, gatherEvidence, refusal, showsSide } from './id-card-evidence';
import { readAddress, estimatePortrait } from './id-card-front.layout';
import { ID_CARD_FRONT } from './id-card-signatures';

/** Fields of free text, where a character outside the model's dictionary can vanish (not matched to a list). */
const FREE_TEXT = new Set(['姓名', '住址']);
/** A run of 18 characters that can be a 公民身份号码 once look-alikes (O/0, I/1, B/8, X/×) are resolved. */
const ID_RUN = /[0-9OoDQIl|B]{17}[0-9XxK×B]/;

/**
 * cardType 2, 二代身份证正面 (人像面). Reads 姓名, 性别, 民族, 出生 (`YYYY-MM-DD`), 住址 (1–3 lines joined) and
 * 公民身份号码 by their printed labels and positions, checks the number with GB 11643 (correcting only known
 * OCR look-alikes) and against the printed birth date and sex, and locates the portrait for `头像`.
 * 215308 when the page is the back or another document; 215305 when no front can be read.
 */
export class IdCardFrontRecognizer implements Recognizer {
  readonly cardTypes = [2] as const;
  readonly documents = [ID_CARD_FRONT];

  recognize(page: OcrPage): RecognitionOutcome {
    const layout = new PageLayout(page);
    const evidence = gatherEvidence(layout);
    if (!showsSide(evidence, 'front')) return { status: 'failed', ...refusal(evidence, 'front') };
    return readFront(layout);
  }
}

/** Reads the front fields from a page already classified as a front. Exported for auto-classification (101). */
export function readFront(layout: PageLayout): RecognitionOutcome {
  const warnings: RecognitionWarning[] = [];
  const fields: Record<string, FieldReading> = {};
  const unread: Quad[] = [];
  const put = (key: string, value: string, lines: LayoutLine[], rect?: Rect, penalty = 1) => {
    if (!value) return;
    // Free text loses a character the model cannot read without a trace: say so rather than vouch for it.
    const uncertain = FREE_TEXT.has(key) && hasUncertainCharacters(lines);
    if (uncertain) warnings.push('uncertain_characters');
    const confidence = meanScore(lines, penalty * (uncertain ? UNCERTAIN_CONFIDENCE_FACTOR : 1));
    fields[key] = { value, confidence, box: rect ? layout.toPage(rect) : undefined };
  };

  const nameLabel = findLabel(layout, '姓名');
  const sexLabel = findLabel(layout, '性别');
  const ethnicLabel = findLabel(layout, '民族');
  const birthLabel = findLabel(layout, '出生');
  const idLabel = findLabel(layout, '公民身份号码');

  if (nameLabel) {
    const v = valueRightOf(layout, nameLabel, ['性别']);
    put('姓名', v.text.replace(/[^\u3400-\u9fff·•.]/g, '').replace(/[•.]/g, '·'), v.lines, v.rect);
  }
  let printedSex: string | undefined;
  if (sexLabel) {
    const v = valueRightOf(layout, sexLabel, ['民族']);
    printedSex = /[男女]/.exec(v.text)?.[0];
    if (printedSex) put('性别', printedSex, v.lines, v.rect);
    else if (!v.text.trim()) unread.push(layout.toPage(regionRightOf(sexLabel, 2.5, ethnicLabel)));
  }
  if (ethnicLabel) {
    const v = valueRightOf(layout, ethnicLabel, ['出生']);
    const ethnic = matchEthnicGroup(v.text.replace(/[^\u3400-\u9fff]/g, ''));
    if (ethnic) put('民族', ethnic, v.lines, v.rect);
    // The longest names (柯尔克孜, 乌孜别克) are four characters.
    else if (!v.text.trim()) unread.push(layout.toPage(regionRightOf(ethnicLabel, 5)));
  }
  let printedBirth: string | undefined;
  if (birthLabel) {
    const v = valueRightOf(layout, birthLabel, ['住址']);
    printedBirth = parseDate(v.text);
    if (printedBirth) put('出生', printedBirth, v.lines, v.rect);
  }

  const idLine = findIdNumber(layout, idLabel?.line);
  if (idLine) {
    const reading = resolveCitizenIdReading(idLine.raw, printedBirth);
    put('公民身份号码', reading.value, [idLine.line], idLine.line.rect, reading.corrected ? 0.9 : 1);
    if (reading.corrected) warnings.push('checksum_corrected');
    if (!reading.valid) warnings.push(reading.failure === 'date' ? 'date_invalid' : 'checksum_failed');
    const info = reading.valid ? parseCitizenId(reading.value) : undefined;
    if (info && printedBirth && info.birthDate !== printedBirth) warnings.push('date_inconsistent');
    if (info && printedSex && info.sex !== printedSex) warnings.push('sex_inconsistent');
    // Sex and birth date are encoded in a valid number (GB 11643): use them when the print was not legible.
    if (info && !fields['性别']) put('性别', info.sex, [idLine.line], undefined, 0.9);
    if (info && !fields['出生']) put('出生', info.birthDate, [idLine.line], undefined, 0.9);
  }

  const address = readAddress(layout, findLabel(layout, '住址'), idLine?.line);
  if (address) {
    // Rare characters in place names are the OCR's weakest spot; GB/T 2260 names repair one-character slips.
    const places = correctAddressPlaces(address.text, fields['公民身份号码']?.value.slice(0, 6));
    put('住址', places.text, address.lines, unionRect(address.lines.map((l) => l.rect)), places.corrected ? 0.95 : 1);
  }

  if (!fields['姓名'] && !fields['公民身份号码']) {
    return { status: 'failed', errorCode: 215305, detail: 'neither the name nor the ID number could be read' };
  }
  if (FRONT_LABELS.some((key) => !fields[key])) warnings.push('field_missing');
  const portrait = estimatePortrait(layout, idLine?.line);
  return {
    status: 'recognized',
    cardType: 2,
    fields,
    portraitBox: portrait ? layout.toPage(portrait) : undefined,
    warnings: [...new Set(warnings)],
    ...(unread.length ? { unread } : {}),
  };
}

function findIdNumber(layout: PageLayout, labelLine?: LayoutLine): { raw: string; line: LayoutLine } | undefined {
  const candidates = layout.lines
    .map((line) => ({ line, match: ID_RUN.exec(line.text) }))
    .filter((c): c is { line: LayoutLine; match: RegExpExecArray } => c.match !== null);
  // Prefer the run on the label's row, then the lowest one on the page (the number is the bottom row).
  candidates.sort(
    (a, b) => rowAffinity(b.line, labelLine) - rowAffinity(a.line, labelLine) || b.line.rect.top - a.line.rect.top,
  );
  const best = candidates[0];
  if (!best) return undefined;
  // When OCR merged the label into the number's line, keep only the number's share of the box.
  const text = best.line.text;
  const start = text.indexOf(best.match[0]);
  const perChar = (best.line.rect.right - best.line.rect.left) / text.length;
  const rect = {
    ...best.line.rect,
    left: best.line.rect.left + perChar * start,
    right: best.line.rect.left + perChar * (start + best.match[0].length),
  };
  return { raw: best.match[0], line: { ...best.line, rect } };
}

function rowAffinity(line: LayoutLine, labelLine?: LayoutLine): number {
  if (!labelLine) return 0;
  if (line === labelLine) return 1;
  const shared = Math.min(line.rect.bottom, labelLine.rect.bottom) - Math.max(line.rect.top, labelLine.rect.top);
  return shared > 0 ? 1 : 0;
}
