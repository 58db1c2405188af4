/**
 * `@zhengjian/identity`: documents of the identity domain as declarative specs read by the recognition toolkit.
 * Only document data lives here (labels, the GB/T 3304 ethnic groups, signatures, portrait windows, small parsers):
 * the resident ID card (2, 3, 101) and the other identity documents (1, 4, 7, 16, 31, 32, 33, 1000, 1001, 1002).
 */
import { type DocumentRecognizer, SpecRecognizer } from '@zhengjian/recognition';
import { identityDocumentsRecognizer } from './documents/identity-documents';
import { ID_CARD_SPECS } from './id-card/id-card.documents';

export { ID_CARD_BACK, ID_CARD_FRONT, ID_CARD_SPECS } from './id-card/id-card.documents';
export { ETHNIC_GROUPS } from './id-card/ethnic-groups';

/**
 * The resident ID card recognizer: 2 (front), 3 (back) and 101 (either side, classified; the envelope adds
 * `证件类型`). 215308 when the page is the other side or another document, 215305 when nothing can be read.
 */
export function idCardRecognizer(today?: () => Date): DocumentRecognizer {
  return new SpecRecognizer({ specs: ID_CARD_SPECS, composites: { 101: [2, 3] }, today });
}

/** Every recognizer of the identity domain, for the registry. */
export function identityRecognizers(today?: () => Date): DocumentRecognizer[] {
  return [idCardRecognizer(today), identityDocumentsRecognizer(undefined, today)];
}
export {
  IDENTITY_DOCUMENT_SPECS,
  IDENTITY_DOCUMENTS_READY,
  identityDocumentsRecognizer,
} from './documents/identity-documents';
