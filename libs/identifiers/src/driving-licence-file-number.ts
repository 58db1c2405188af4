import { normalizeIdentifier } from './normalize';

/**
 * 档案编号 (file number) printed on a 机动车驾驶证, the record number of the licence at the issuing traffic
 * administration: 12 digits. Format only: no standard publishes a check character for it (the licence card itself
 * is specified by GA 482).
 */
function parse(text: string): { valid: boolean; number: string } {
  const number = normalizeIdentifier(text);
  return { valid: /^\d{12}$/.test(number), number };
}

/** 驾驶证档案编号, format only: `parse`, `isValid`. */
export const drivingLicenceFileNumber = {
  parse,
  isValid: (text: string): boolean => parse(text).valid,
} as const;
