import { citizenId } from '@zhengjian/identifiers';
import type { Classifiable } from '@zhengjian/recognition';

/** A valid 公民身份号码 printed anywhere on the page (GB 11643 check character). */
function hasValidCitizenId(pageText: string): boolean {
  return [...pageText.matchAll(/(?=(\d{17}[\dX]))/g)].some((m) => citizenId.isValid(m[1]));
}

/**
 * The 人像面 (cardType 2) as a classification signature: `公民身份号码`, `民族` and a valid number, 2 of them (a
 * 驾驶证 prints a valid number and 姓名/性别/住址 too, so those do not count).
 */
export const ID_CARD_FRONT: Classifiable = {
  cardType: 2,
  signature: { titles: [], labels: ['公民身份号码', '民族'], tokens: [hasValidCitizenId], threshold: 2 },
};

/** The 国徽面 (cardType 3) as a classification signature: its title `居民身份证` and its two labels. */
export const ID_CARD_BACK: Classifiable = {
  cardType: 3,
  signature: { titles: ['居民身份证'], labels: ['签发机关', '有效期限'], threshold: 3 },
};
