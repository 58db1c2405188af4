import { JuheError, type JuheErrorCode } from '@zhengjian/juhe';

/**
 * A refusal of `AccessService.authorize` (100xx). It is a `JuheError` (the global filter maps it like any other) that
 * also says which key was refused, so the `error_events` row can carry `api_key_id`: null for 10001 (no such key),
 * the key's id for every later check.
 */
export class AccessDeniedError extends JuheError {
  constructor(
    code: JuheErrorCode,
    /** The refused key's id; null when the key is unknown. */
    readonly apiKeyId: string | null,
    /** Why, for logs and `error_events.detail`: names the rule, never the key. */
    detail: string,
  ) {
    super(code, detail);
  }
}
