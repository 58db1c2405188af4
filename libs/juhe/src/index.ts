/**
 * `@zhengjian/juhe`: the Juhe 证件识别 contract (seed document, version 2025-03-29): the cardType catalogue, the
 * error-code table and billing rule, the response envelope and result builder, and the order-number format.
 */
export type { CardTypeDomain, CardTypeInfo, ImageFormatName } from './card-types.types';
export {
  CARD_TYPES,
  CARD_TYPE_CODES,
  DETECTED_TYPE_KEY,
  PORTRAIT_KEY,
  RESERVED_KEY,
  cardTypeList,
  findCardType,
  acceptsImageFormat,
  isAutoClassifying,
  isCatalogued,
  parseCardType,
  resultKeysFor,
  type CardTypeCode,
} from './card-types';
export {
  JUHE_ERROR_CODES,
  JuheErrorCode,
  findErrorCode,
  isBillable,
  isJuheErrorCode,
  reasonFor,
  reasonWithDetail,
  type JuheCodeKind,
  type JuheErrorInfo,
} from './error-codes';
export { JuheError, type JuheErrorOptions } from './juhe.errors';
export { documentSizeOf } from './document-sizes';
export {
  SUCCESS_REASON,
  buildResult,
  envelopeFromError,
  errorEnvelope,
  notSupportedYetEnvelope,
  successEnvelope,
  type JuheEnvelope,
  type JuheFailureCode,
  type JuheResult,
  type ResultExtras,
} from './envelope';
export {
  ORDER_ID_PATTERN,
  createOrderIdGenerator,
  generateOrderId,
  isOrderId,
  parseOrderId,
  type OrderIdGenerator,
  type OrderIdGeneratorOptions,
  type OrderIdParts,
} from './order-id';

export { CircuitBreaker, type CircuitBreakerOptions, type CircuitState } from './upstream/circuit-breaker';
export {
  DEFAULT_JUHE_BASE_URL,
  JUHE_UPSTREAM_OPTIONS,
  JuheUpstreamClient,
  type JuheTransport,
  type JuheUpstream,
  type JuheUpstreamOptions,
} from './upstream/juhe-upstream.client';
export { parseUpstreamEnvelope, sniffImageMime } from './upstream/upstream-wire';
export {
  CircuitOpenError,
  UpstreamUnavailableError,
  type UpstreamFailure,
  type UpstreamFailureKind,
} from './upstream/upstream.errors';
