// `mrz` ships as an ES module only; Node ≥ 20.19 loads it with require(), which TypeScript's node16 module mode does
// not model, so the types are imported in import mode and the module is required.
import type * as Mrz from 'mrz' with { 'resolution-mode': 'import' };

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const mrzPackage = require('mrz') as typeof Mrz;
export type MrzPackageResult = Mrz.ParseResult;
