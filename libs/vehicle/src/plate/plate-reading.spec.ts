import { readPlate } from './plate-reading';

describe(readPlate.name, () => {
  it.each([
    ['京P·L3N67', '京PL3N67', 0],
    ['沪A MS087', '沪AMS087', 0],
    ['粤BD12345', '粤BD12345', 0],
    ['粤B12345D', '粤B12345D', 0],
    ['粤Z1234港', '粤Z1234港', 0],
    ['京A·1234警', '京A1234警', 0],
    // Rivets and the frame read as punctuation around the number.
    ['|苏A·0X3B2:', '苏A0X3B2', 0],
    // GA 36 never uses O or I: they are the digits 0 and 1.
    ['浙G·O699P', '浙G0699P', 1],
    ['皖A·I6E52', '皖A16E52', 1],
    // A letter is required second: 8 there is B.
    ['浙8R7S63', '浙BR7S63', 1],
  ])('reads %s as %s with %i correction(s)', (text, plate, corrected) => {
    expect(readPlate(text)).toMatchObject({ plate, corrected });
  });

  it('keeps all 8 characters of a new-energy plate rather than its first 7', () => {
    expect(readPlate('沪AD12345')?.parse.kind).toBe('newEnergySmall');
  });

  it.each([['公民身份号码'], ['A12345'], ['京12345'], ['粤B·123'], ['']])('reads no plate in %p', (text) => {
    expect(readPlate(text)).toBeUndefined();
  });
});
