import { type DocumentSpec, notExpired, printedValidity } from '@zhengjian/recognition';
import { issuingAuthority, travelPermitNumber } from './identity-values';

/**
 * cardType 32, 港澳台居民居住证 反面: emblem, title (`港澳居民居住证` / `台湾居民居住证`), 签发机关, 有效期限
 * (`YYYY.MM.DD-YYYY.MM.DD`, five years, also split into 签发日期 and 有效期至), 通行证号码 (the holder's 港澳居民来往
 * 内地通行证 or 台湾居民来往大陆通行证 number) and 签发次数 (printed, not returned).
 */
export const HMT_RESIDENCE_PERMIT_BACK: DocumentSpec = {
  cardType: 32,
  signature: {
    titles: ['港澳居民居住证', '台湾居民居住证'],
    labels: ['通行证号码', '签发次数', '签发机关', '有效期限'],
    threshold: 4,
  },
  fields: [
    { key: '签发机关', labels: ['签发机关'], at: 'right', parse: issuingAuthority() },
    {
      key: '有效期限',
      labels: ['有效期限'],
      at: 'right',
      parse: printedValidity({ years: [5] }),
      into: { from: '签发日期', to: '有效期至' },
    },
    { key: '通行证号码', labels: ['通行证号码'], at: 'right', parse: travelPermitNumber() },
  ],
  otherLabels: ['签发次数'],
  required: ['有效期限', '通行证号码', '签发机关'],
  rules: [notExpired('有效期至')],
};
