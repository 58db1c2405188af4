import { PageLayout, type RecognitionOutcome, type Recognizer } from '@zhengjian/recognition';
import type { OcrPage } from '@zhengjian/ocr';
import { gatherEvidence, detectSide, refusal } from './id-card-evidence';
import { readFront } from './id-card-front.recognizer';
import { readBack } from './id-card-back.recognizer';
import { ID_CARD_FRONT, ID_CARD_BACK } from './id-card-signatures';

/**
 * cardType 101, 二代身份证正反面自动分类: decides front (2) or back (3) from the printed cues, then reads that
 * side. The outcome's `cardType` is the detected side; the envelope adds `证件类型` (card-types.md decision 5).
 * 215308 when the page is neither side of a resident ID card.
 */
export class IdCardAutoRecognizer implements Recognizer {
  readonly cardTypes = [101] as const;
  readonly documents = [ID_CARD_FRONT, ID_CARD_BACK];

  constructor(private readonly today: () => Date = () => new Date()) {}

  recognize(page: OcrPage): RecognitionOutcome {
    const layout = new PageLayout(page);
    const evidence = gatherEvidence(layout);
    switch (detectSide(evidence)) {
      case 'front':
        return readFront(layout);
      case 'back':
        return readBack(layout, this.today());
      case undefined:
        return { status: 'failed', ...refusal(evidence, 'either') };
    }
  }
}
