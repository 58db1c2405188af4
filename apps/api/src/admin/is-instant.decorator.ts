import { type ValidationOptions, isISO8601, registerDecorator } from 'class-validator';

/** The instants an admin filter or `expiresAt` may name: what PostgreSQL `timestamptz` and JS `Date` both hold. */
const EARLIEST = Date.parse('0001-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');
/** A calendar date (`YYYY-MM-DD`), alone or followed by a time: the form `Date` reads as ISO 8601. */
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}(?:$|T)/;

/**
 * An ISO 8601 calendar date or date-time (strict: no 30 February) up to the year 9999. `IsISO8601` alone also lets
 * through week dates (`2026-W01`), ordinal dates (`2026-001`) and signed years, which `Date` cannot read (or reads
 * by its own guesswork) or PostgreSQL cannot store: the query would fail (500) instead of the request (400).
 */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: '$property must be an ISO 8601 date or date-time (YYYY-MM-DD, THH:MM:SS…), at most the year 9999',
        ...options,
      },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !CALENDAR_DATE.test(value) || !isISO8601(value, { strict: true })) {
            return false;
          }
          const at = Date.parse(value);
          return at >= EARLIEST && at <= LATEST;
        },
      },
    });
  };
}
