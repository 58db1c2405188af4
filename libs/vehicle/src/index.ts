/**
 * `@zhengjian/vehicle`: recognizers of the vehicle domain. Documents (驾驶证, 行驶证, VIN pictures) are declarative
 * specs read by the recognition toolkit; licence plates (cardType 19) are a scene, read from the page's pixels and
 * its OCR lines (`src/plate/`).
 */
import { type DocumentRecognizer, SpecRecognizer } from '@zhengjian/recognition';
import { DRIVING_LICENCE_MAIN, DRIVING_LICENCE_SUB } from './driving-licence.documents';
import {
  VEHICLE_LICENCE_ELECTRONIC,
  VEHICLE_LICENCE_MAIN,
  VEHICLE_LICENCE_SUB,
  VIN_PICTURE,
} from './vehicle-licence.documents';

export { DRIVING_LICENCE_MAIN, DRIVING_LICENCE_SUB } from './driving-licence.documents';
export {
  VEHICLE_LICENCE_ELECTRONIC,
  VEHICLE_LICENCE_MAIN,
  VEHICLE_LICENCE_SUB,
  VIN_PICTURE,
} from './vehicle-licence.documents';
export { VEHICLE_TYPES, VEHICLE_USES } from './vehicle-lists';
export { licenceClasses } from './vehicle-values';
export { PlateRecognizer, PLATE_CARD_TYPE } from './plate/plate.recognizer';
export type { PlateColour } from './plate/plate-colour';
export { readPlate } from './plate/plate-reading';
export type { PlateReading } from './plate/plate-reading';

/**
 * The vehicle cardTypes registered in the engine: those that read ≥ 98 % of fields exactly on generated clean and
 * photo specimens (test/recognition/vehicle-levels.e2e-spec.ts). The others keep answering 215303.
 */
export const VEHICLE_CARD_TYPES_READY: readonly number[] = [5, 28, 6, 30, 3038, 1100, 102, 103];

/** Every vehicle document spec. */
export const VEHICLE_SPECS = [
  DRIVING_LICENCE_MAIN,
  DRIVING_LICENCE_SUB,
  VEHICLE_LICENCE_MAIN,
  VEHICLE_LICENCE_SUB,
  VEHICLE_LICENCE_ELECTRONIC,
  VIN_PICTURE,
] as const;

/**
 * The vehicle recognizer answering `serves` (the cardTypes that work end to end on generated images; the engine
 * registers only those). All vehicle specs take part in classification whatever is served.
 */
export function vehicleRecognizer(serves: readonly number[], today?: () => Date): DocumentRecognizer {
  return new SpecRecognizer({ specs: VEHICLE_SPECS, composites: { 102: [5, 28], 103: [6, 30] }, serves, today });
}
