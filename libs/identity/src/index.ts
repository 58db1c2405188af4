export * from './validators/gb11643';
export * from './validators/citizen-id-reading';
export { IdCardFrontRecognizer } from './id-card/id-card-front.recognizer';
export { IdCardBackRecognizer } from './id-card/id-card-back.recognizer';
export { IdCardAutoRecognizer } from './id-card/id-card-auto.recognizer';
export { ETHNIC_GROUPS } from './id-card/ethnic-groups';

import { IdCardAutoRecognizer } from './id-card/id-card-auto.recognizer';
import { IdCardBackRecognizer } from './id-card/id-card-back.recognizer';
import { IdCardFrontRecognizer } from './id-card/id-card-front.recognizer';
import type { Recognizer } from '@zhengjian/recognition';

/** Every recognizer of the identity domain, for the registry. */
export function identityRecognizers(): Recognizer[] {
  return [new IdCardFrontRecognizer(), new IdCardBackRecognizer(), new IdCardAutoRecognizer()];
}
export {
  IDENTITY_DOCUMENT_SPECS,
  IDENTITY_DOCUMENTS_READY,
  identityDocumentsRecognizer,
} from './documents/identity-documents';
