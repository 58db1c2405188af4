import type { PlateParse } from '@zhengjian/identifiers';
import type { PlateColour } from './plate-colour';

/**
 * The plate's code in the seed's plate list (Juhe/Wintone: 0 unknown, 1 blue, 2 black, 3 single-row yellow,
 * 4 double-row yellow, 5 police, 6 armed police, 7 personalised, 8/9 military, 10 embassy, 11 Hong Kong, 12 tractor,
 * 13 Macau, 14 factory, 15 civil aviation, 16 consulate, 17/18 small/large new energy), from the GA 36 format and the
 * measured background colour. The format decides where it can (new energy, 警, 使, 领); otherwise the colour does.
 */
export function plateTypeCode(parse: PlateParse, colour: PlateColour | undefined): number {
  if (parse.kind === 'newEnergySmall') return 17;
  if (parse.kind === 'newEnergyLarge') return 18;
  if (parse.kind === 'embassy' || parse.usage === '使') return 10;
  if (parse.usage === '领') return 16;
  if (parse.usage === '警') return 5;
  switch (colour) {
    case 'blue':
      return 1;
    case 'yellow':
      return 3;
    case 'black':
      return 2;
    case 'white':
    case 'green':
    case undefined:
      return 0;
  }
}
