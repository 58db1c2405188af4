/**
 * `@zhengjian/business-license`: the 营业执照 (cardType 2008), a declarative spec read by the recognition toolkit; the
 * QR code is decoded from the page's pixels.
 */
import { SpecRecognizer } from '@zhengjian/recognition';
import { BUSINESS_LICENCE } from './business-licence.document';

export { BUSINESS_LICENCE } from './business-licence.document';
export { creditCode, businessTerm, capital, copyMark } from './licence-values';

/** The 营业执照 recognizer (cardType 2008); `today` decides date warnings (default: the clock). */
export function businessLicenceRecognizer(today?: () => Date): SpecRecognizer {
  return new SpecRecognizer({ specs: [BUSINESS_LICENCE], today });
}
