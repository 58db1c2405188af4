import type { Recognizer } from '@zhengjian/recognition';
import { MrzVizRecognizer, type MrzVizDocument } from './mrz-viz-recognizer';
import {
  HK_MACAO_PERMIT_2014,
  HK_MACAO_RESIDENT_PERMIT,
  TAIWAN_RESIDENT_PERMIT,
  TAIWAN_TRAVEL_PERMIT_2017,
} from './permit-cards.documents';
import { BORDER_PERMIT, HK_MACAO_RESIDENT_PERMIT_BACK, TAIWAN_RESIDENT_PERMIT_BACK } from './permit-backs.documents';

/** The exit-entry permits read as a printed zone plus a machine-readable zone (cardTypes 14, 15, 22, 25, 26, 29, 1003). */
export const PERMIT_DOCUMENTS: readonly MrzVizDocument[] = [
  HK_MACAO_PERMIT_2014,
  HK_MACAO_RESIDENT_PERMIT,
  TAIWAN_RESIDENT_PERMIT,
  TAIWAN_TRAVEL_PERMIT_2017,
  HK_MACAO_RESIDENT_PERMIT_BACK,
  TAIWAN_RESIDENT_PERMIT_BACK,
  BORDER_PERMIT,
];

/**
 * The permit cardTypes registered in the engine: those that read ≥ 98 % of fields exactly on generated photo-level
 * specimens (`npx tsx bench/accuracy.ts --kinds …`).
 */
export const PERMIT_CARD_TYPES_READY: readonly number[] = [22, 14, 25, 29, 15, 26, 1003];

/** The permits' recognizer answering `serves`; every permit document takes part in classification. */
export function permitRecognizer(serves: readonly number[] = PERMIT_CARD_TYPES_READY, today?: () => Date): Recognizer {
  return new MrzVizRecognizer({ documents: PERMIT_DOCUMENTS, serves, today });
}
