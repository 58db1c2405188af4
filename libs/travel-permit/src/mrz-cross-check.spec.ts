import { crossCheckMrz } from './mrz-cross-check';
import { parseMrz } from './mrz-parser';

describe(crossCheckMrz.name, () => {
  const { fields } = parseMrz(
    ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
    { referenceDate: new Date('2026-01-01T00:00:00Z') },
  );

  it('lists the printed fields that disagree with the zone', () => {
    expect(
      crossCheckMrz(
        [
          { key: '出生日期', value: '1974-08-21', mrz: 'birthDate' },
          { key: '护照号码', value: 'L898902C3', mrz: 'documentNumber' },
          { key: '有效期至', value: '2012-04-15', mrz: 'expiryDate' },
          { key: '英文姓', value: 'ERICSSON', mrz: 'surname' },
        ],
        fields,
      ),
    ).toEqual(['mrz_mismatch:出生日期', 'mrz_mismatch:英文姓']);
  });

  it('ignores case, accents, spaces and empty values; a name the zone truncated agrees', () => {
    expect(
      crossCheckMrz(
        [
          { key: '英文名', value: 'Anna María', mrz: 'givenNames' },
          { key: '英文姓', value: 'Eriksson-Lindqvist', mrz: 'surname' },
          { key: '性别', value: '', mrz: 'sex' },
          { key: '持证人国籍代码', value: 'uto', mrz: 'nationality' },
        ],
        fields,
      ),
    ).toEqual([]);
  });
});
