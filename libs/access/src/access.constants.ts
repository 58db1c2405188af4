/** Nest injection token of the `AccessPort` implementation (`@Inject(ACCESS) access: AccessPort`). */
export const ACCESS = Symbol('ACCESS');

/** Nest injection token of the shared ioredis client (`@Inject(REDIS) redis: Redis`), made by `RedisModule`. */
export const REDIS = Symbol('REDIS');

/** Plaintext keys are 16 random bytes as 32 lowercase hex characters, the shape of Juhe's AppKeys. */
export const API_KEY_BYTES = 16;

/** Characters of the plaintext kept in `api_keys.prefix` to tell keys apart in lists (32 of 128 bits: no help to guess). */
export const API_KEY_PREFIX_LENGTH = 8;

/** Longest `key` value looked up; anything longer is refused as unknown without hashing it. */
export const MAX_KEY_LENGTH = 128;
