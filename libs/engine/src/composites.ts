import { ID_CARD_BACK, ID_CARD_FRONT, IdCardBackRecognizer, IdCardFrontRecognizer } from '@zhengjian/identity';
import { type DocumentRecognizer, type ForeignDocument, SpecRecognizer } from '@zhengjian/recognition';
import { VEHICLE_SPECS } from '@zhengjian/vehicle';

/** The resident ID card sides as classification candidates, by the identity library's signatures. */
function idCardDocuments(today?: () => Date): ForeignDocument[] {
  return [
    { ...ID_CARD_FRONT, recognizer: new IdCardFrontRecognizer() },
    { ...ID_CARD_BACK, recognizer: new IdCardBackRecognizer(today) },
  ];
}

/**
 * cardType 104, 身份证、驾驶证、行驶证自动分类: one classification over both ID card sides and the four licence
 * pages, then the detected document's recognizer (the envelope adds `证件类型`).
 */
export function identityAndVehicleRecognizer(today?: () => Date): DocumentRecognizer {
  return new SpecRecognizer({
    specs: VEHICLE_SPECS,
    foreign: idCardDocuments(today),
    composites: { 104: [2, 3, 5, 28, 6, 30] },
    serves: [104],
    today,
  });
}
