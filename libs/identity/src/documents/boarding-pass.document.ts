import { type DocumentSpec, type ValueParser, chineseName, text } from '@zhengjian/recognition';

/** 航班: airline designator (2 characters, IATA) + 1–4 digits + optional suffix letter (card-types.md §1002). */
function flightNumber(): ValueParser {
  return (raw) => {
    const m = /(?<![A-Z0-9])([A-Z0-9]{2})\s?(\d{1,4}[A-Z]?)(?![A-Z0-9])/.exec(raw.toUpperCase().replace(/FLIGHT/g, ''));
    return m && /[A-Z]/.test(m[1]) ? { value: m[1] + m[2] } : undefined;
  };
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** 日期 as printed, `15MAR` (day + IATA month abbreviation); OCR's `0` for the month's `O` (`080CT`) put back. */
function flightDate(): ValueParser {
  return (raw) => {
    for (const m of raw.toUpperCase().matchAll(/(?<!\d)(\d{2})([A-Z0-9]{3})/g)) {
      const month = m[2].replace(/0/g, 'O');
      if (MONTHS.includes(month) && Number(m[1]) >= 1 && Number(m[1]) <= 31) return { value: m[1] + month };
    }
    return undefined;
  };
}

/** 座位号: row + seat letter A–K (`32A`); the `J` OCR reads as `]` put back. */
function seat(): ValueParser {
  return (raw) => {
    const m = /(?<![0-9A-Z])(\d{1,3})([A-K\]])(?![0-9A-Z])/.exec(raw.toUpperCase());
    return m ? { value: m[1] + (m[2] === ']' ? 'J' : m[2]), factor: m[2] === ']' ? 0.9 : 1 } : undefined;
  };
}

/**
 * cardType 1002, 登机牌 (a printed boarding pass): bilingual labels over their values: 姓名, 航班 (`CA1234`), 目的站
 * (the destination as printed in Chinese), 日期 (as printed, `15MAR`) and 座位号 (`32A`).
 */
export const BOARDING_PASS: DocumentSpec = {
  cardType: 1002,
  signature: { titles: ['登机牌', 'BOARDING PASS'], labels: ['航班', '座位号', '目的站', '登机口'], threshold: 4 },
  fields: [
    { key: '姓名', labels: ['姓名'], at: 'below', parse: chineseName() },
    { key: '航班', labels: ['航班'], at: 'below', parse: flightNumber() },
    { key: '目的站', labels: ['目的站'], at: 'below', parse: text({ keep: /[\u3400-\u9fff]/u, minLength: 2 }) },
    { key: '日期', labels: ['日期'], at: 'below', parse: flightDate() },
    { key: '座位号', labels: ['座位号'], at: 'below', parse: seat() },
  ],
  otherLabels: ['始发站', '登机口'],
  required: ['航班', '座位号'],
};
