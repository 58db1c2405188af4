/**
 * `@zhengjian/vehicle`: recognizers of the vehicle domain. Licence plates (cardType 19) are a scene, read from the
 * page's pixels and its OCR lines (`src/plate/`).
 */
export { PlateRecognizer, PLATE_CARD_TYPE } from './plate/plate.recognizer';
export type { PlateColour } from './plate/plate-colour';
export { readPlate } from './plate/plate-reading';
export type { PlateReading } from './plate/plate-reading';
