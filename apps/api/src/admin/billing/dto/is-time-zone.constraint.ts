import { ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';

/** An IANA time zone name the runtime knows (`Asia/Shanghai`, `UTC`), so Postgres never sees an unknown zone. */
@ValidatorConstraint({ name: 'isTimeZone' })
export class IsTimeZoneConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string' || value.length === 0 || value.length > 64) return false;
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  }

  defaultMessage(): string {
    return 'timeZone must be an IANA time zone such as Asia/Shanghai or UTC';
  }
}
