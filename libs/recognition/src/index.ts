export * from './recognizer';
export * from './recognizer-registry';
export * from './recognition.types';
export * from './recognition.service';
export * from './layout/page-layout';
export * from './layout/label-anchor';
export * from './layout/dates';
export * from './layout/calendar';
export * from './layout/uncertain-characters';
export { textRows, type TextRow } from './layout/rows';
export * from './envelope';
export { failedReport, type ReportedFailure } from './failed-report';
export * from './lexicon/place-names';
export * from './providers/recognition-provider';
export * from './providers/local.provider';
export * from './providers/juhe.provider';
export * from './providers/juhe-envelope.mapper';
export * from './providers/provider-chain';
export { findAnyLabel, findSpacedLabel, rightOf, below, continued, paragraph, linesMatching } from './layout/placement';
export type { ParsedValue, ValueParser } from './values/value-parser';
export { text, chineseName, token, quantity, hanWithLatin } from './values/value-parser';
export { address, issuingOffice } from './values/text-values';
export type { MaxDistance } from './values/closest-match';
export { editDistance, closestMatch, oneOf } from './values/closest-match';
export type { DateFormat, DateRangeOptions, ValidityOptions } from './values/dates';
export {
  date,
  dateRange,
  dayMonthYear,
  dayFirstDate,
  validity,
  printedValidity,
  datesIn,
  formatDate,
  addYears,
  wholeYearsBetween,
} from './values/dates';
export {
  checkedIdentifier,
  citizenIdNumber,
  citizenIdOnPage,
  legacyCitizenIdNumber,
  legacyCitizenIdOnPage,
  hkidNumber,
  vinNumber,
  plateNumber,
  digits,
} from './values/identifier-values';
export { labelsOnOneRow, labelColumn } from './layout/label-arrangement';
export type {
  DocumentSpec,
  FieldSpec,
  LayoutCue,
  Placement,
  Rule,
  RuleContext,
  Signature,
  SpecHooks,
} from './spec/document-spec';
export type { Derived } from './spec/rules';
export { idDigits, sameDate, sexFromId, notBefore, validitySpan, notExpired, placeNames, joined } from './spec/rules';
export { assertSpecKeys, readSpec } from './spec/spec-reader';
export type { ForeignDocument, SpecRecognizerOptions } from './spec/spec.recognizer';
export { SpecRecognizer } from './spec/spec.recognizer';
export type { Classifiable, SignatureScore } from './classify/signature-score';
export { scoreSignatures, legibleLines } from './classify/signature-score';
export type { Classification } from './classify/classify';
export { anotherDocument, classify, CLASSIFICATION_MARGIN, LEGIBLE_FOR_OTHER } from './classify/classify';
export * from './quality/image-quality';
export type { PixelRect, SealRing } from './pixels/seal-text';
export { findSealRing, sealCharacterQuads } from './pixels/seal-text';
export type { PortraitGeometry } from './spec/portrait-beside';
export { portraitBeside } from './spec/portrait-beside';
