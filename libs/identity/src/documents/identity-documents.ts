import { type DocumentRecognizer, SpecRecognizer } from '@zhengjian/recognition';
import { BOARDING_PASS } from './boarding-pass.document';
import { FIRST_GENERATION_ID } from './first-generation-id.document';
import { FOREIGN_PERMANENT_RESIDENT } from './foreign-permanent-resident.document';
import { HMT_RESIDENCE_PERMIT_BACK } from './hmt-residence-permit-back.document';
import { HMT_RESIDENCE_PERMIT_FRONT } from './hmt-residence-permit-front.document';
import { HONG_KONG_ID } from './hong-kong-id.document';
import { HOUSEHOLD_REGISTER } from './household-register.document';
import { OFFICER_CARD } from './officer-card.document';
import { RESIDENCE_PERMIT } from './residence-permit.document';
import { TEMPORARY_ID } from './temporary-id.document';

/** The identity documents other than the resident ID card, each a declarative spec read by the toolkit. */
export const IDENTITY_DOCUMENT_SPECS = [
  HMT_RESIDENCE_PERMIT_FRONT,
  HMT_RESIDENCE_PERMIT_BACK,
  FOREIGN_PERMANENT_RESIDENT,
  HONG_KONG_ID,
  RESIDENCE_PERMIT,
  FIRST_GENERATION_ID,
  TEMPORARY_ID,
  OFFICER_CARD,
  HOUSEHOLD_REGISTER,
  BOARDING_PASS,
] as const;

/**
 * The cardTypes of {@link IDENTITY_DOCUMENT_SPECS} that read ≥ 98 % of fields exactly on generated photo levels
 * (`bench/accuracy.ts`); the engine registers only these, the others keep answering 215303.
 */
export const IDENTITY_DOCUMENTS_READY: readonly number[] = [31, 32, 33, 1001, 1000, 1, 4, 7, 16, 1002];

/** One recognizer for every identity document spec, answering `serves`; all specs take part in classification. */
export function identityDocumentsRecognizer(
  serves: readonly number[] = IDENTITY_DOCUMENTS_READY,
  today?: () => Date,
): DocumentRecognizer {
  return new SpecRecognizer({ specs: IDENTITY_DOCUMENT_SPECS, serves, today });
}
