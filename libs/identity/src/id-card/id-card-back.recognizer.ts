import {
  type FieldReading,
  PageLayout,
  type RecognitionOutcome,
  type RecognitionWarning,
  type Recognizer,
  UNCERTAIN_CONFIDENCE_FACTOR,
  correctAuthorityPlace,
  findLabel,
  hasUncertainCharacters,
  meanScore,
  valueRightOf,
} from '@zhengjian/recognition';
import type { OcrPage } from '@zhengjian/ocr';
import { gatherEvidence, refusal, showsSide } from './id-card-evidence';
import { parseValidity } from './validity';
import { ID_CARD_BACK } from './id-card-signatures';

export { parseValidity } from './validity';

/**
 * cardType 3, 二代身份证背面 (国徽面). Reads 签发机关 and 有效期限 (`YYYY.MM.DD-YYYY.MM.DD` or `YYYY.MM.DD-长期`),
 * and splits the latter into 签发日期 (`YYYY-MM-DD`) and 有效期至 (`YYYY-MM-DD` or `长期`). The span is checked
 * against 居民身份证法 §5 (5, 10 or 20 years, or 长期) and flagged `date_inconsistent` otherwise; a past end date
 * is flagged `expired`. 215308 when the page is the front or another document; 215305 when unreadable.
 */
export class IdCardBackRecognizer implements Recognizer {
  readonly cardTypes = [3] as const;
  readonly documents = [ID_CARD_BACK];

  constructor(private readonly today: () => Date = () => new Date()) {}

  recognize(page: OcrPage): RecognitionOutcome {
    const layout = new PageLayout(page);
    const evidence = gatherEvidence(layout);
    if (!showsSide(evidence, 'back')) return { status: 'failed', ...refusal(evidence, 'back') };
    return readBack(layout, this.today());
  }
}

/** Reads the back fields from a page already classified as a back. Exported for auto-classification (101). */
export function readBack(layout: PageLayout, today: Date): RecognitionOutcome {
  const fields: Record<string, FieldReading> = {};
  const warnings: RecognitionWarning[] = [];

  const authorityLabel = findLabel(layout, '签发机关');
  if (authorityLabel) {
    const v = valueRightOf(layout, authorityLabel, ['有效期限']);
    const place = correctAuthorityPlace(v.text.replace(/[^\u3400-\u9fff0-9]/g, ''));
    const uncertain = hasUncertainCharacters(v.lines);
    if (uncertain) warnings.push('uncertain_characters');
    const confidence = meanScore(v.lines, (place.corrected ? 0.95 : 1) * (uncertain ? UNCERTAIN_CONFIDENCE_FACTOR : 1));
    if (place.text && v.rect) fields['签发机关'] = { value: place.text, confidence, box: layout.toPage(v.rect) };
  }

  const validityLabel = findLabel(layout, '有效期限');
  const validity = validityLabel ? valueRightOf(layout, validityLabel) : undefined;
  const period = validity ? parseValidity(validity.text) : undefined;
  if (validity?.rect && period) {
    const box = layout.toPage(validity.rect);
    const confidence = meanScore(validity.lines);
    const startDots = period.start.replace(/-/g, '.');
    const endDots = period.end === '长期' ? '长期' : period.end.replace(/-/g, '.');
    fields['有效期限'] = { value: `${startDots}-${endDots}`, confidence, box };
    fields['签发日期'] = { value: period.start, confidence, box };
    fields['有效期至'] = { value: period.end, confidence, box };
    if (!isLawfulSpan(period.start, period.end)) warnings.push('date_inconsistent');
    if (period.end !== '长期' && period.end < today.toISOString().slice(0, 10)) warnings.push('expired');
  }

  if (!fields['签发机关'] && !fields['有效期限']) {
    return {
      status: 'failed',
      errorCode: 215305,
      detail: 'neither the issuing authority nor the validity could be read',
    };
  }
  if (!fields['签发机关'] || !fields['有效期限']) warnings.push('field_missing');
  return { status: 'recognized', cardType: 3, fields, warnings };
}

/** 居民身份证法 §5: 5, 10 or 20 years to the same day, or 长期 (long-term). */
function isLawfulSpan(start: string, end: string): boolean {
  if (end === '长期') return true;
  const years = Number(end.slice(0, 4)) - Number(start.slice(0, 4));
  return [5, 10, 20].includes(years) && end.slice(5) === start.slice(5);
}
