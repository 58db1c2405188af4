import type { OcrLine, OcrPage } from '@zhengjian/ocr';
import {
  type Classifiable,
  type FieldReading,
  type LayoutLine,
  PageLayout,
  type RecognitionOutcome,
  type RecognitionWarning,
  type Recognizer,
  type RecognizerContext,
  type TextRow,
  LEGIBLE_FOR_OTHER,
  classify,
  findAnyLabel,
  foldText,
  legibleLines,
  meanScore,
  scoreSignatures,
  textRows,
  unionRect,
  verticalOverlap,
} from '@zhengjian/recognition';
import { issuerOf, networkOf } from './bins.data';
import { BANK_CARD_CARD_TYPE, bankCardSignature, hasPrintedCue } from './bank-card.signature';
import {
  type CardNumberReading,
  bestReading,
  cardNumberReadings,
  isNumberFragment,
  readingOf,
} from './card-number-reading';
import { isExpired, parseExpiry, parseExpiryBesideLabel } from './expiry';

export interface BankCardRecognizerOptions {
  /** Today's date (decides `expired`); default: the clock. */
  today?: () => Date;
}

// A reading lowered this much when a look-alike letter had to be replaced, and when no reading passes Luhn.
const CORRECTED_FACTOR = 0.9;
const UNCHECKED_FACTOR = 0.7;

/**
 * cardType 17 (银行卡), the front of a payment card (ISO/IEC 7810 ID-1), embossed or flat-printed.
 *
 * `银行卡号`: the digit boxes of one printed row joined (13–19 digits, separators removed, ISO/IEC 7812). Readings
 * are ranked by the Luhn check, then by a length and range the card networks issue; when the best one fails
 * Luhn, the number's row is read again as one line (`context.readRegions`) and the check decides. A number that
 * fails Luhn in every reading is returned as read with `checksum_failed` (some issuers' numbers do).
 * `银行名称` and `卡类型` (借记卡/贷记卡/准贷记卡/预付费卡): from the BIN table (bins.data.ts) by the number's
 * prefix, `""` for an issuer outside it. `有效期`: `MM/YY` (`expired` warning once the month is over).
 *
 * Fails with 215308 when the page has legible text but no bank card cue (another catalogued document that shows is
 * refused before this recognizer, by the registry's pooled signatures), 215305 when a card shows but its number
 * cannot be read.
 */
export class BankCardRecognizer implements Recognizer {
  readonly cardTypes = [BANK_CARD_CARD_TYPE] as const;
  /** The bank card's printed cues (networks, VALID THRU, bank names), for the registry's cross-domain 215308. */
  readonly documents: readonly Classifiable[] = [
    { cardType: BANK_CARD_CARD_TYPE, signature: bankCardSignature(false, false) },
  ];
  private readonly today: () => Date;

  constructor(options: BankCardRecognizerOptions = {}) {
    this.today = options.today ?? (() => new Date());
  }

  async recognize(page: OcrPage, cardType: number, context?: RecognizerContext): Promise<RecognitionOutcome> {
    const layout = new PageLayout(page);
    const numberRows = textRows(layout, isNumberFragment);
    let reading = bestReading(cardNumberReadings(numberRows));
    const own: Classifiable = {
      cardType: BANK_CARD_CARD_TYPE,
      signature: bankCardSignature(
        reading !== undefined && networkOf(reading.value) !== undefined,
        !!reading?.luhnValid,
      ),
    };
    const scores = scoreSignatures(layout, [own]);
    const legible = legibleLines(layout.lines);
    const decision = classify(scores, [cardType], legible);
    if (decision.status === 'failed') {
      // A number alone is no printed cue: a receipt or a form with a card-like number is another document.
      if (decision.errorCode === 215305 && !hasPrintedCue(scores[0].cues) && legible >= LEGIBLE_FOR_OTHER) {
        return { status: 'failed', errorCode: 215308, detail: 'the image has legible text but no bank card cue' };
      }
      return decision;
    }

    if (context && !reading?.luhnValid) reading = (await this.secondLook(layout, numberRows, context)) ?? reading;
    if (!reading) return { status: 'failed', errorCode: 215305, detail: 'the card number could not be read' };

    const warnings: RecognitionWarning[] = [];
    const factor = !reading.luhnValid ? UNCHECKED_FACTOR : reading.corrected ? CORRECTED_FACTOR : 1;
    if (!reading.luhnValid) warnings.push('checksum_failed');
    else if (reading.corrected) warnings.push('checksum_corrected');
    const number: FieldReading = {
      value: reading.value,
      confidence: meanScore(reading.lines, factor),
      box: layout.toPage(unionRect(reading.lines.map((l) => l.rect))),
    };
    const fields: Record<string, FieldReading> = { 银行卡号: number };
    const issuer = issuerOf(reading.value);
    if (issuer) {
      fields['银行名称'] = { value: issuer.bank, confidence: number.confidence };
      fields['卡类型'] = { value: issuer.kind, confidence: number.confidence };
    }
    const expiry = readExpiry(layout);
    if (expiry) {
      fields['有效期'] = expiry.reading;
      if (isExpired(expiry.reading.value, this.today().toISOString().slice(0, 10))) warnings.push('expired');
    }
    return { status: 'recognized', cardType: BANK_CARD_CARD_TYPE, fields, warnings };
  }

  /** Reads each number row again as one line (its boxes may have cut or dropped digits) and keeps a Luhn pass. */
  private async secondLook(
    layout: PageLayout,
    rows: readonly TextRow[],
    context: RecognizerContext,
  ): Promise<CardNumberReading | undefined> {
    const candidates = rows.filter((r) => (r.text.match(/\d/g)?.length ?? 0) >= 8);
    if (!candidates.length) return undefined;
    const quads = candidates.map((row) => {
      const h = row.rect.bottom - row.rect.top;
      return layout.toPage({
        left: row.rect.left - h,
        right: row.rect.right + h,
        top: row.rect.top - h * 0.15,
        bottom: row.rect.bottom + h * 0.15,
      });
    });
    const reread = await context.readRegions(quads, { minScore: 0 });
    const readings = reread.flatMap((line: OcrLine, i) => {
      const asLayout: LayoutLine = {
        text: foldText(line.text),
        score: line.score,
        rect: candidates[i].rect,
        source: line,
      };
      const reading = readingOf(asLayout.text, [asLayout]);
      return reading?.luhnValid ? [reading] : [];
    });
    return bestReading(readings);
  }
}

/** `有效期`: a `MM/YY` anywhere on the card, preferring the one beside `VALID THRU`; a misread slash only there. */
function readExpiry(layout: PageLayout): { reading: FieldReading } | undefined {
  const label = findAnyLabel(layout, ['THRU', 'VALID', 'GOODTHRU', '有效期']);
  const near = (line: LayoutLine): number =>
    label ? Math.abs(line.rect.top - label.line.rect.top) + Math.abs(line.rect.left - label.line.rect.right) : 0;
  const slashed = layout.lines
    .map((line) => ({ line, value: parseExpiry(line.text) }))
    .filter((c): c is { line: LayoutLine; value: string } => c.value !== undefined)
    .sort((a, b) => near(a.line) - near(b.line));
  let found: { line: LayoutLine; value: string } | undefined = slashed[0];
  if (!found && label) {
    const beside = layout.lines
      .filter(
        (l) =>
          l !== label.line &&
          l.rect.left >= label.line.rect.left &&
          verticalOverlap(l.rect, label.line.rect) > 0.3 &&
          l.rect.left - label.line.rect.right < 4 * (label.line.rect.bottom - label.line.rect.top),
      )
      .map((line) => ({ line, value: parseExpiryBesideLabel(line.text) }))
      .find((c): c is { line: LayoutLine; value: string } => c.value !== undefined);
    found = beside;
  }
  if (!found) return undefined;
  return {
    reading: { value: found.value, confidence: meanScore([found.line]), box: layout.toPage(found.line.rect) },
  };
}
