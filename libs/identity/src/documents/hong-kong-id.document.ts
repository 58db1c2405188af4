import {
  type DocumentSpec,
  type FieldReading,
  type PageLayout,
  type Rect,
  type Rule,
  type ValueParser,
  dayFirstDate,
  findAnyLabel,
  hkidNumber,
  oneOf,
  token,
} from '@zhengjian/recognition';
import { romanisedName } from './identity-values';

const TITLE = '香港永久性居民身份證';
/** The labels of the card's two dated rows, as printed and as OCR often loses the rare 簽. */
const BIRTH = ['出生日期'];
const ISSUE = ['簽發日期', '签发日期', '發日期'];

/** 中文電碼: the name's 4-digit Chinese commercial codes, one group per character, returned space-separated. */
function commercialCodes(): ValueParser {
  return (raw) => {
    const run = raw.replace(/\s/g, '');
    if (!/^\d{8,}$/.test(run) || run.length % 4 !== 0) return undefined;
    return { value: run.match(/\d{4}/g)!.join(' ') };
  };
}

/** 首次簽發日期 as printed, `(MM-YY)`: the bracketed month of first issue before the date of issue. */
function firstIssue(): ValueParser {
  return (raw) => {
    const m = /[(（](\d{2})[-.]?(\d{2})[)）]/.exec(raw.replace(/\s/g, ''));
    return m && Number(m[1]) >= 1 && Number(m[1]) <= 12 ? { value: `(${m[1]}-${m[2]})` } : undefined;
  };
}

/** 符號標記: asterisks (`＊` folded) followed by the letters of the holder's entitlements (`***AZ`). */
function symbols(): ValueParser {
  return (raw) => {
    const m = /^[*＊]{1,3}[A-Z]{1,3}$/.exec(raw.replace(/\s/g, '').replace(/＊/g, '*'));
    return m ? { value: m[0] } : undefined;
  };
}

/** 電碼譯文, the characters the codes stand for: the printed Chinese name, when it has one character per code. */
const codesTranslation: Rule = (ctx) => {
  const name = ctx.fields['中文姓名']?.value;
  const codes = ctx.fields['中文電碼']?.value;
  if (name && codes && codes.split(' ').length === [...name].length)
    ctx.derive('電碼譯文', name, ['中文姓名', '中文電碼']);
};

/**
 * cardType 1001, 香港永久性居民身份證 (2003 and 2018 smart cards): the name lines carry no label (Chinese name,
 * `SURNAME, Given Names`, 中文電碼); 出生日期 `DD-MM-YYYY` with the sex on its row, 簽發日期 `DD-MM-YY` after the
 * first issue `(MM-YY)`, the symbols (`***AZ`) and the HKID number `A123456(3)`, its check character per
 * card-types.md §3.4 (look-alikes resolved by it, a failing one flagged `checksum_failed`).
 */
export const HONG_KONG_ID: DocumentSpec = {
  cardType: 1001,
  signature: {
    titles: [TITLE, 'HONG KONG PERMANENT IDENTITY CARD'],
    labels: ['Date of Birth', 'Date of Issue', ...BIRTH],
    tokens: [/[A-Z]{1,2}\d{6}\s*[(（][0-9A][)）]/],
    threshold: 3,
  },
  fields: [
    {
      key: '中文姓名',
      at: 'anywhere',
      pattern: /^(?!.*(?:日期|身份|香港))[\u3400-\u9fff]{2,5}$/u,
      parse: (raw) => ({ value: raw }),
    },
    { key: '拼音姓名', at: 'anywhere', pattern: /^[A-Z]{2}[A-Z' -]*[,，.]/, parse: romanisedName() },
    { key: '性别', labels: BIRTH, subLabels: ['Date of Birth'], at: 'right', parse: token(/[男女]/) },
    { key: '出生日期', labels: BIRTH, subLabels: ['Date of Birth'], at: 'right', parse: dayFirstDate() },
    {
      key: '簽發日期',
      labels: ISSUE,
      subLabels: ['Date of Issue'],
      at: 'right',
      parse: dayFirstDate({ pick: 'last' }),
    },
    { key: '身份證號碼', at: 'anywhere', pattern: /[A-Z0-9]{1,2}[0-9OoDIlBSZ]{6}\s*[(（]/, parse: hkidNumber() },
    { key: '符號標記', at: 'anywhere', pattern: /^\s*[*＊]/, parse: symbols() },
    { key: '中文電碼', at: 'anywhere', pattern: /^\d{4}(?:\s*\d{4})+$/, parse: commercialCodes() },
    { key: '首次簽發日期', labels: ISSUE, subLabels: ['Date of Issue'], at: 'right', parse: firstIssue() },
    { key: '證件標題', at: 'anywhere', pattern: /身份/, parse: oneOf([TITLE], { maxDistance: 3 }) },
  ],
  required: ['身份證號碼', '中文姓名'],
  rules: [codesTranslation],
  hooks: { portrait },
};

/**
 * The portrait beside the text column (mm on the ID-1 card, 13–43 down): right of it on the 2018 card (text from
 * the left edge), left of it on the 2003 card (text from mid-card). Scaled from the 出生日期 and 簽發日期 rows,
 * 11.2 mm apart.
 */
function portrait(layout: PageLayout, fields: Readonly<Record<string, FieldReading>>): Rect | undefined {
  const birth = findAnyLabel(layout, BIRTH);
  const issue = findAnyLabel(layout, ISSUE);
  if (!birth || !issue || !fields['身份證號碼']) return undefined;
  const mm = (issue.line.rect.bottom - birth.line.rect.bottom) / 11.2;
  if (mm <= 0) return undefined;
  const x = birth.line.rect.left;
  const y = birth.line.rect.bottom;
  // The title starts at the left edge on both cards.
  const title = findAnyLabel(layout, [TITLE]);
  const textAtEdge = title ? x - title.line.rect.left < 10 * mm : x < 20 * mm;
  const [left, right] = textAtEdge ? [x + 52 * mm, x + 76 * mm] : [x - 28 * mm, x - 4 * mm];
  return { left, right, top: y - 21 * mm, bottom: y + 9 * mm };
}
