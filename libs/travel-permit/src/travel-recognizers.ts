import {
  HK_MACAO_PERMIT_2005,
  TAIWAN_RESIDENT_PERMIT_1992,
  TAIWAN_TRAVEL_PERMIT_1992,
} from './booklet-permits.documents';
import { MrzDocumentRecognizer } from './mrz-document.recognizer';
import type { MrzDocument } from './mrz-fields';
import { PASSPORT } from './passport.documents';
import { BORDER_PERMIT, HK_MACAO_RESIDENT_PERMIT_BACK, TAIWAN_RESIDENT_PERMIT_BACK } from './permit-backs.documents';
import {
  HK_MACAO_PERMIT_2014,
  HK_MACAO_RESIDENT_PERMIT,
  TAIWAN_RESIDENT_PERMIT,
  TAIWAN_TRAVEL_PERMIT_2017,
} from './permit-cards.documents';
import { VISA } from './visa.documents';

/**
 * Every travel document, read by one {@link MrzDocumentRecognizer}: the booklet permits (9, 10, 11), visa (12),
 * passport (13), the permit cards' photo sides (22, 14, 25, 29), the residents' cards' backs (15, 26) and the
 * 边境地区出入境通行证 (1003).
 */
export const TRAVEL_DOCUMENTS: readonly MrzDocument[] = [
  HK_MACAO_PERMIT_2005,
  TAIWAN_RESIDENT_PERMIT_1992,
  TAIWAN_TRAVEL_PERMIT_1992,
  VISA,
  PASSPORT,
  HK_MACAO_PERMIT_2014,
  HK_MACAO_RESIDENT_PERMIT,
  TAIWAN_RESIDENT_PERMIT,
  TAIWAN_TRAVEL_PERMIT_2017,
  HK_MACAO_RESIDENT_PERMIT_BACK,
  TAIWAN_RESIDENT_PERMIT_BACK,
  BORDER_PERMIT,
];

/**
 * One recognizer for every travel document, classified together so that one sent as another answers 215308.
 * `today` decides `expired` and zone birth-date centuries (default the clock).
 */
export function travelRecognizer(today?: () => Date): MrzDocumentRecognizer {
  return new MrzDocumentRecognizer({ documents: TRAVEL_DOCUMENTS, today });
}
