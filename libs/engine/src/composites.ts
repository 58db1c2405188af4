import { ID_CARD_SPECS } from '@zhengjian/identity';
import { type DocumentRecognizer, SpecRecognizer } from '@zhengjian/recognition';
import { VEHICLE_SPECS } from '@zhengjian/vehicle';

/**
 * cardType 104, 身份证、驾驶证、行驶证自动分类: one classification over both ID card sides and the four licence
 * pages, then the detected document's spec (the envelope adds `证件类型`). The specs and their signatures are the
 * domain libraries'; this only wires them.
 */
export function identityAndVehicleRecognizer(today?: () => Date): DocumentRecognizer {
  return new SpecRecognizer({
    specs: [...VEHICLE_SPECS, ...ID_CARD_SPECS],
    composites: { 104: [2, 3, 5, 28, 6, 30] },
    serves: [104],
    today,
  });
}
