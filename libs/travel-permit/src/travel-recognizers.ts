import { MrzSpecRecognizer } from './mrz-fields';
import type { MrzDocument } from './mrz-fields';
import {
  HK_MACAO_PERMIT_2005,
  TAIWAN_RESIDENT_PERMIT_1992,
  TAIWAN_TRAVEL_PERMIT_1992,
} from './booklet-permits.documents';
import { PASSPORT } from './passport.documents';
import { VISA } from './visa.documents';

/** The documents with a machine-readable zone read by {@link mrzDocumentRecognizer}. */
export const MRZ_DOCUMENTS: readonly MrzDocument[] = [
  HK_MACAO_PERMIT_2005,
  TAIWAN_RESIDENT_PERMIT_1992,
  TAIWAN_TRAVEL_PERMIT_1992,
  VISA,
  PASSPORT,
];

/**
 * One recognizer for the documents with a machine-readable zone (booklet permits 9, 10, 11, visa 12, passport 13), classified together so that one
 * sent as another answers 215308. `today` decides `expired` and zone birth-date centuries.
 */
export function mrzDocumentRecognizer(today?: () => Date): MrzSpecRecognizer {
  return new MrzSpecRecognizer({ documents: MRZ_DOCUMENTS, today });
}
