import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IsInstant } from './is-instant.decorator';

class Probe {
  @IsInstant()
  at!: unknown;
}

const accepts = (at: unknown) => validateSync(plainToInstance(Probe, { at })).length === 0;

describe(IsInstant.name, () => {
  it('accepts ISO 8601 dates and date-times up to the year 9999', () => {
    for (const at of [
      '2026-11-30',
      '2026-11-30T02:12:00Z',
      '2026-11-30T10:12:00.123456+08:00',
      '1000-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
    ]) {
      expect([at, accepts(at)]).toEqual([at, true]);
    }
  });

  it('refuses what Date cannot read or PostgreSQL cannot store: week and ordinal dates, signed years, 30 February', () => {
    for (const at of [
      '2026-W01',
      '2026-001',
      '-9999-01-01T00:00:00Z',
      '+275760-09-13T00:00:00Z',
      '2026-02-30',
      'x',
      5,
    ]) {
      expect([at, accepts(at)]).toEqual([at, false]);
    }
  });
});
