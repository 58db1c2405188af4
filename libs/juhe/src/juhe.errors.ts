/**
 * The one error type domain code throws: it carries a Juhe `error_code`, never an HTTP status. The API's global
 * exception filter turns it into an envelope (HTTP 200); the worker records it on the order.
 */
import { JuheErrorCode, reasonFor, reasonWithDetail } from './error-codes';

export interface JuheErrorOptions {
  /** The underlying failure, for logs (ES2022 error cause). */
  cause?: unknown;
  /**
   * Whether `detail` may be shown to the client, appended to the reason. Default `false`: detail then only goes to
   * logs and the error history. Set it only for texts that help the caller and reveal nothing internal.
   */
  exposeDetail?: boolean;
}

/** A failure with a Juhe `error_code` (see `error-codes.ts`). `detail` must never hold personal data. */
export class JuheError extends Error {
  override readonly name = 'JuheError';
  readonly code: JuheErrorCode;
  /** Why, in English, for logs and `error_events.detail`; no names, ID numbers, images or keys. */
  readonly detail?: string;
  readonly exposeDetail: boolean;

  constructor(code: JuheErrorCode, detail?: string, options: JuheErrorOptions = {}) {
    super(detail ? `${code} ${reasonFor(code)}: ${detail}` : `${code} ${reasonFor(code)}`, { cause: options.cause });
    this.code = code;
    if (detail !== undefined) this.detail = detail;
    this.exposeDetail = options.exposeDetail ?? false;
  }

  /** The `reason` the client gets: the table's text, plus the detail in brackets when it is exposed. */
  get reason(): string {
    return reasonWithDetail(this.code, this.exposeDetail ? this.detail : undefined);
  }

  /**
   * 215303 for a catalogued cardType that has no recognizer yet; the reason says so (exposed detail), so the caller
   * can tell it from an unknown code.
   */
  static notSupportedYet(cardType: number): JuheError {
    return new JuheError(JuheErrorCode.CardTypeError, `cardType ${cardType} is not supported yet`, {
      exposeDetail: true,
    });
  }

  /** 215303 for a code the catalogue does not know. */
  static unknownCardType(raw: unknown): JuheError {
    const shown = typeof raw === 'string' || typeof raw === 'number' ? String(raw).slice(0, 16) : typeof raw;
    return new JuheError(JuheErrorCode.CardTypeError, `unknown cardType ${JSON.stringify(shown)}`);
  }
}
