export { BankCardRecognizer, type BankCardRecognizerOptions } from './bank-card.recognizer';
export { BANK_CARD_CARD_TYPE } from './bank-card.signature';
export {
  type CardKind,
  type IssuerBin,
  type Network,
  type NetworkRange,
  type SkippedSourceRow,
  ISSUER_BINS,
  NETWORK_RANGES,
  SKIPPED_SOURCE_ROWS,
  issuerOf,
  networkOf,
  usualLength,
} from './bins.data';
export { parseExpiry, isExpired } from './expiry';
