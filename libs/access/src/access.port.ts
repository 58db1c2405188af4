/** The access contract the api programs against (`@Inject(ACCESS) access: AccessPort`); `AccessService` implements it. */

/** The key a request was authorised with. */
export interface AuthorizedKey {
  id: string;
  name: string;
  isTest: boolean;
}

export interface AccessPort {
  /**
   * Checks a plaintext key for a request, in this order, throwing `JuheError` (from `@zhengjian/juhe`):
   * 10011 IP over its rate (first, so floods of unknown keys cost no key lookup) · 10001 unknown key · 10009
   * disabled · 10003 expired · 10008 IP in the deny list · 10002 cardType not allowed for this key · 10013 test key
   * over its limit · 10012 daily or total quota used up. Counts the request against the quotas when it passes.
   * `identified`: the same key as `identify` returned it for this request; it is not looked up again.
   */
  authorize(input: {
    key: string | undefined;
    ip: string;
    cardType: number | null;
    identified?: AuthorizedKey;
  }): Promise<AuthorizedKey>;
  /**
   * The key's own checks only (10001 · 10009 · 10003 · 10008), counting nothing: for reads (`GET
   * /v1/recognitions/:orderid`) and for finding the owner of an `Idempotency-Key` before `authorize`.
   * `countIp`: the request also counts against its IP's rate, checked first (10011): for a request that is refused
   * after identification (an unknown or unsupported cardType), which must not escape the per-IP limit.
   * `identified`: the key as already identified for this request (the owner of an `Idempotency-Key`): returned as it
   * is, without a second lookup (only the IP is counted, with `countIp`).
   */
  identify(input: {
    key: string | undefined;
    ip: string;
    countIp?: boolean;
    identified?: AuthorizedKey;
  }): Promise<AuthorizedKey>;
}
