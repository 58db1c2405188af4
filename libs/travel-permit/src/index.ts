/**
 * `@zhengjian/travel-permit`: machine-readable zones of travel documents (ICAO Doc 9303 TD1, TD2, TD3, MRV-A, MRV-B)
 * and of the Chinese exit-entry permit cards (CS line, 3 × 30 zone).
 *
 *   const page = await engine.read(rgb);
 *   const mrz = await readMrz(page, { engine, image: rgb });   // MrzReading | undefined
 *   mrz?.fields.birthDate;                                      // 'YYYY-MM-DD'
 *   crossCheckMrz([{ key: '出生日期', value: '1974-08-12', mrz: 'birthDate' }], mrz.fields);  // ['mrz_mismatch:…']
 */
export type { MrzCheck, MrzCheckName, MrzFields, MrzFormat, MrzResult, MrzStateCode } from './mrz.types';
export { parseMrz, detectMrzFormat } from './mrz-parser';
export type { ParseMrzOptions } from './mrz-parser';
export { correctMrz, mrzChecks } from './mrz-correct';
export type { MrzCorrection } from './mrz-correct';
export { MRZ_LAYOUTS } from './mrz-layout';
export type { MrzSegment, MrzFieldKind } from './mrz-layout';
export { normalizeMrzText } from './mrz-text';
export { mrzBirthDate, mrzExpiryDate } from './mrz-dates';
export { findMrzCandidates } from './mrz-locate';
export type { MrzCandidate } from './mrz-locate';
export { readMrz } from './mrz-reader';
export type { ReadMrzOptions, MrzReading, RegionRecognizer } from './mrz-reader';
export { decodeMrzChineseName, encodeMrzChineseName } from './china-permit-mrz';
export { crossCheckMrz } from './mrz-cross-check';
export type { VizField } from './mrz-cross-check';
export {
  splitCantoneseSyllables,
  hkOrMacauId,
  issueCount,
  permitNumber,
  permitSex,
  romanName,
  taiwanIdNumber,
  validityPeriod,
} from './permit-values';
export {
  HK_MACAO_PERMIT_2014,
  HK_MACAO_RESIDENT_PERMIT,
  TAIWAN_RESIDENT_PERMIT,
  TAIWAN_TRAVEL_PERMIT_2017,
} from './permit-cards.documents';
export { BORDER_PERMIT, HK_MACAO_RESIDENT_PERMIT_BACK, TAIWAN_RESIDENT_PERMIT_BACK } from './permit-backs.documents';
export { MrzDocumentRecognizer } from './mrz-document.recognizer';
export type { MrzDocumentRecognizerOptions } from './mrz-document.recognizer';
export { mrzLineToken, zoneShapeToken } from './mrz-fields';
export type { MrzDocument, MrzFieldSource, MrzValue, MrzVizField } from './mrz-fields';
export { TRAVEL_DOCUMENTS, travelRecognizer } from './travel-recognizers';
export { mrzName, nameLineFromPrint } from './zone-rebuild';
export type { ZoneRebuild } from './zone-rebuild';
export { nationalityName, sexName, zoneLine, zoneName } from './zone-values';
