import { citizenId } from '@zhengjian/identifiers';
import { IdCardBackRecognizer, IdCardFrontRecognizer } from '@zhengjian/identity';
import {
  type Classifiable,
  type DocumentRecognizer,
  type ForeignDocument,
  SpecRecognizer,
} from '@zhengjian/recognition';
import { VEHICLE_SPECS } from '@zhengjian/vehicle';

/** A valid 公民身份号码 printed anywhere on the page (GB 11643 check character). */
function hasValidCitizenId(pageText: string): boolean {
  return [...pageText.matchAll(/(?=(\d{17}[\dX]))/g)].some((m) => citizenId.isValid(m[1]));
}

/**
 * The resident ID card sides as classification candidates: the front by `公民身份号码`, `民族` and a valid number (a
 * 驾驶证 prints a valid number and 姓名/性别/住址 too, so those do not count); the back by its title and labels.
 */
function idCardDocuments(today?: () => Date): ForeignDocument[] {
  return [
    {
      cardType: 2,
      signature: { titles: [], labels: ['公民身份号码', '民族'], tokens: [hasValidCitizenId], threshold: 2 },
      recognizer: new IdCardFrontRecognizer(),
    },
    {
      cardType: 3,
      signature: { titles: ['居民身份证'], labels: ['签发机关', '有效期限'], threshold: 3 },
      recognizer: new IdCardBackRecognizer(today),
    },
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

/**
 * The ID card sides and the licence pages by their signatures: the documents a recognizer without labels of its
 * own (the bank card) must tell itself apart from before answering 215308.
 */
export function identityAndVehicleSignatures(): Classifiable[] {
  return [...VEHICLE_SPECS, ...idCardDocuments()].map(({ cardType, signature }) => ({ cardType, signature }));
}
