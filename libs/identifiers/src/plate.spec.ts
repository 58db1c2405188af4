import { plate } from './plate';

describe('plate (GA 36-2018)', () => {
  it.each([
    ['京A12345', 'ordinary'],
    ['京A·F0236', 'ordinary'],
    ['沪B 8HK2Z', 'ordinary'],
    ['粤Z1234港', 'usage'],
    ['粤Z1234澳', 'usage'],
    ['京A1234学', 'usage'],
    ['京A1234警', 'usage'],
    ['鲁B1234挂', 'usage'],
    ['沪A1234领', 'usage'],
    ['京A1234试', 'usage'],
    ['京A1234超', 'usage'],
    ['京A1234使', 'usage'],
    ['使123456', 'embassy'],
    ['粤BD12345', 'newEnergySmall'],
    ['粤BFA2345', 'newEnergySmall'],
    ['沪AK12345', 'newEnergySmall'],
    ['粤B12345D', 'newEnergyLarge'],
    ['京A12345F', 'newEnergyLarge'],
  ])('accepts %s as %s', (text, kind) => {
    expect(plate.parse(text)).toMatchObject({ valid: true, kind });
  });

  it('tells pure electric (D A B C E) from not pure electric (F G H J K) on 8-character plates', () => {
    expect(plate.parse('粤BD12345')).toEqual({
      valid: true,
      plate: '粤BD12345',
      kind: 'newEnergySmall',
      province: '粤',
      pureElectric: true,
    });
    expect(plate.parse('粤B12345F').pureElectric).toBe(false);
    expect(plate.parse('粤BA12345').pureElectric).toBe(true);
    expect(plate.parse('粤BH12345').pureElectric).toBe(false);
  });

  it.each([
    ['京I12345', 'I after the province'],
    ['京A1234O', 'O among the five'],
    ['港A12345', 'not a province abbreviation'],
    ['京A1234', 'six characters'],
    ['粤BM12345', 'M is no energy letter'],
    ['粤BD1A345', 'a letter among the last four digits of a small new-energy plate'],
    ['粤B1234AD', 'a letter among the five digits of a large new-energy plate'],
    ['粤B12345X', 'X is no energy letter'],
    ['京A123港4', 'a usage character not last'],
    ['使12345', 'embassy plate of 5 digits'],
  ])('refuses %s (%s)', (text) => {
    expect(plate.isValid(text)).toBe(false);
  });
});
