/**
 * Property decorators for environment strings (every env value is a string or absent). Each message starts with
 * what the value must be; `loadConfig` prefixes it with the variable's name.
 */
import { ValidateBy, ValidationOptions } from 'class-validator';

/** A base-10 integer string within [min, max]. */
export function IsIntString(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIntString',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && /^\d{1,15}$/.test(value) && Number(value) >= min && Number(value) <= max,
        defaultMessage: () => `must be an integer from ${min} to ${max}`,
      },
    },
    options,
  );
}

const BOOLEAN_STRINGS = ['true', 'false', '1', '0', 'yes', 'no'];

/** `true`/`false` (also `1`/`0`, `yes`/`no`), case-insensitive. */
export function IsBooleanString(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isBooleanString',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && BOOLEAN_STRINGS.includes(value.toLowerCase()),
        defaultMessage: () => 'must be true or false',
      },
    },
    options,
  );
}

/** A URL parseable by WHATWG `URL` whose protocol is one of `protocols` (e.g. `postgres:`) and that has a host. */
export function IsUrlWithProtocol(protocols: string[], options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isUrlWithProtocol',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !URL.canParse(value)) return false;
          const url = new URL(value);
          return protocols.includes(url.protocol) && url.hostname !== '';
        },
        defaultMessage: () => `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
      },
    },
    options,
  );
}

/** Standard Base64 (padding optional) that decodes to exactly `bytes` bytes. */
export function IsBase64Key(bytes: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isBase64Key',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' &&
          /^[A-Za-z0-9+/]+={0,2}$/.test(value) &&
          Buffer.from(value, 'base64').length === bytes,
        defaultMessage: () => `must be ${bytes} random bytes in Base64 (make one with: openssl rand -base64 ${bytes})`,
      },
    },
    options,
  );
}

/** An IANA time zone name the runtime knows (e.g. `Asia/Shanghai`, `UTC`). */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTimeZone',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || value === '') return false;
          try {
            new Intl.DateTimeFormat('en', { timeZone: value });
            return true;
          } catch {
            return false;
          }
        },
        defaultMessage: () => 'must be an IANA time zone such as Asia/Shanghai or UTC',
      },
    },
    options,
  );
}

/**
 * A comma-separated list of web origins (`https://app.example.com`, `http://localhost:5173`): http(s), a host, an
 * optional port, nothing else (no path, query, user info or trailing slash: a browser's `Origin` never has them,
 * so such an entry could never match). Blanks around commas are ignored; an empty string is an empty list.
 */
export function IsOriginList(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isOriginList',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && splitList(value).every(isOrigin),
        defaultMessage: () => 'must be comma-separated origins such as https://app.example.com (no path, no *)',
      },
    },
    options,
  );
}

/** The entries of a comma-separated list, trimmed, empty ones dropped. */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

function isOrigin(entry: string): boolean {
  try {
    const url = new URL(entry);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === entry;
  } catch {
    return false;
  }
}
