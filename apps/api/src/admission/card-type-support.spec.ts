import { CARD_TYPE_CODES } from '@zhengjian/juhe';
import { supportedCardTypes } from './card-type-support';

describe(supportedCardTypes.name, () => {
  it('is the local engine registry for the local provider: every catalogued cardType, none answers "not supported"', () => {
    const local = supportedCardTypes('local');
    expect([...local].sort((a, b) => a - b)).toEqual([...CARD_TYPE_CODES].sort((a, b) => a - b));
  });

  it.each(['juhe', 'juhe-then-local'] as const)('is every catalogued cardType for %s', (mode) => {
    const all = supportedCardTypes(mode);
    expect(all).toEqual([...CARD_TYPE_CODES].sort((a, b) => a - b));
    expect(all).toEqual(expect.arrayContaining([2, 3, 5, 17, 101, 2008]));
  });
});
