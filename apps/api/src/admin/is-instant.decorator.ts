import { type ValidationOptions, isISO8601, registerDecorator } from 'class-validator';

/** The instants an admin filter or `expiresAt` may name: what PostgreSQL `timestamptz` and JS `Date` both hold. */
const EARLIEST = Date.parse('0001-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * An ISO 8601 date or date-time (strict: no 30 February) that names one instant between the years 1 and 9999.
 * `IsISO8601` alone also lets through week dates (`2026-W01`), ordinal dates and signed years, which `Date` cannot
 * read or PostgreSQL cannot store: the query would fail (500) instead of the request (400).
 */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: '$property must be an ISO 8601 date-time between the years 0001 and 9999', ...options },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !isISO8601(value, { strict: true })) return false;
          const at = Date.parse(value);
          return at >= EARLIEST && at <= LATEST;
        },
      },
    });
  };
}
