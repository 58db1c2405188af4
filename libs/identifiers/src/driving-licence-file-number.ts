import { normalizeIdentifier } from './normalize';

/**
 * 档案编号 of a 机动车驾驶证 (driving licence file number, the record number the traffic administration keeps, GA 482
 * licence): 12 digits. Format only: no check character is published.
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
