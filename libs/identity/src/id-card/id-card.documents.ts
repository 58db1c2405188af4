import {
  type DocumentSpec,
  type LayoutCue,
  type PageLayout,
  type Rect,
  address,
  chineseName,
  citizenIdNumber,
  citizenIdOnPage,
  date,
  dateRange,
  idDigits,
  issuingOffice,
  linesMatching,
  notExpired,
  oneOf,
  placeNames,
  sameDate,
  sexFromId,
  token,
} from '@zhengjian/recognition';
import { ETHNIC_GROUPS } from './ethnic-groups';

/** An 18-character run that can be a 公民身份号码 once look-alikes (O/0, I/1, B/8, X/×) are resolved. */
const ID_RUN = /[0-9OoDQIl|B]{17}[0-9XxK×B]/;
/** The back's validity as the card prints it (`2015.03.07-2035.03.07`, `2015.03.07-长期`), never `…至…`. */
const PRINTED_VALIDITY = /\d{4}\D?\d{2}\D?\d{2}[-—–一~]?(?:\d{4}\D?\d{2}\D?\d{2}|长期)/;
/** The portrait window of an ID-1 resident ID card is about 26 × 32 mm: width / height. */
const PORTRAIT_ASPECT = 26 / 32;

/**
 * The label column of a card that prints its personal rows and its issuing block on one face (一代身份证, 临时身份证):
 * 签发机关 and 有效期限 between 住址 and 公民身份号码, left-aligned with them (3 of the 4 suffice). The resident ID
 * card prints the block on its other side, so neither side shows this column, nor does a photocopy of both sides
 * (the block lies below or beside the front's rows, never between them).
 */
export const ONE_FACE_COLUMN: LayoutCue = { column: ['住址', '签发机关', '有效期限', '公民身份号码'] };

/**
 * cardType 2, 二代身份证正面 (人像面, GA 450 card face): 姓名, 性别, 民族 (GB/T 3304 list), 出生 (`YYYY-MM-DD`), 住址
 * (1–3 lines joined) and 公民身份号码 (GB 11643 checked, look-alikes corrected only when one reading passes), checked
 * against the printed birth date and sex; `头像` from the portrait window. Its own cues are the 公民身份号码 and 民族
 * labels, 民族 beside 性别, the label column and the number itself: words such as 姓名 or 出生 alone are no evidence.
 * A page whose label column carries 签发机关 and 有效期限 ({@link ONE_FACE_COLUMN}) is a one-face card, not this side.
 */
/**
 * Region codes 810000, 820000, 830000 (Hong Kong, Macau, Taiwan) head the numbers of the 港澳台居民居住证
 * (国办发〔2018〕81号), whose front prints no 民族: a page with such a number and no 民族 is not an ID card front.
 */
const HMT_RESIDENCE_REGION = /^8[123]0000/;

export const ID_CARD_FRONT: DocumentSpec = {
  cardType: 2,
  signature: {
    titles: [],
    labels: ['公民身份号码', '民族'],
    layout: [{ row: ['性别', '民族'] }, { column: ['姓名', '性别', '出生', '住址'] }],
    sharedLabels: ['姓名', '性别', '出生', '住址'],
    tokens: [citizenIdOnPage(false), citizenIdOnPage(true)],
    vetoes: [
      (text) => !text.includes('民族') && citizenIdOnPage(false, (run) => HMT_RESIDENCE_REGION.test(run))(text),
      ONE_FACE_COLUMN,
    ],
    companions: [3],
    threshold: 2,
  },
  fields: [
    // A name may lose a character the model lacks (周赟 read 周): one character is kept and flagged.
    { key: '姓名', labels: ['姓名'], at: 'right', parse: chineseName({ minLength: 1 }), freeText: true },
    { key: '性别', labels: ['性别'], at: 'right', parse: token(/[男女]/), reread: 2.5 },
    // The longest names (柯尔克孜, 乌孜别克) are four characters; half of a name's characters may be misread.
    {
      key: '民族',
      labels: ['民族'],
      at: 'right',
      parse: oneOf(ETHNIC_GROUPS, { maxDistance: (name) => Math.floor(name.length / 2) }),
      reread: 5,
    },
    { key: '出生', labels: ['出生'], at: 'right', parse: date() },
    { key: '住址', labels: ['住址'], at: 'continued', maxLines: 3, parse: address({ latin: true }), freeText: true },
    { key: '公民身份号码', labels: ['公民身份号码'], at: 'anywhere', pattern: ID_RUN, parse: citizenIdNumber() },
  ],
  required: ['姓名', '公民身份号码'],
  rules: [
    placeNames('住址', '公民身份号码'),
    sameDate('出生', idDigits('公民身份号码', 7, 14)),
    sexFromId('性别', '公民身份号码'),
  ],
  hooks: { portrait: portraitWindow },
};

/**
 * cardType 3, 二代身份证背面 (国徽面): 签发机关 and 有效期限 as printed (`YYYY.MM.DD-YYYY.MM.DD` or `YYYY.MM.DD-长期`),
 * split into 签发日期 and 有效期至 (`YYYY-MM-DD` or `长期`); a span other than 5, 10 or 20 years (居民身份证法 §5) is
 * flagged `date_inconsistent`, a past end `expired`. Its own cues are the 居民身份证 title and the validity as
 * printed; 中华人民共和国, 签发机关 and 有效期限 appear on passports and licences too. The 一代身份证 prints the same
 * title and labels, but in the column of its personal rows ({@link ONE_FACE_COLUMN}): such a page is not this side.
 */
export const ID_CARD_BACK: DocumentSpec = {
  cardType: 3,
  signature: {
    titles: ['居民身份证'],
    labels: [],
    layout: [{ label: '有效期限', value: PRINTED_VALIDITY }],
    sharedLabels: ['中华人民共和国', '签发机关', '有效期限'],
    vetoes: [ONE_FACE_COLUMN],
    companions: [2],
    threshold: 2,
  },
  fields: [
    { key: '签发机关', labels: ['签发机关'], at: 'right', parse: issuingOffice(), freeText: true },
    {
      key: '有效期限',
      labels: ['有效期限'],
      at: 'right',
      parse: dateRange({ format: 'YYYY.MM.DD', years: [5, 10, 20] }),
      into: { from: '签发日期', to: '有效期至' },
    },
  ],
  required: ['签发机关', '有效期限'],
  rules: [notExpired('有效期至')],
};

/** Both sides of the resident ID card. */
export const ID_CARD_SPECS = [ID_CARD_FRONT, ID_CARD_BACK] as const;

/**
 * Where the portrait is (GA 450 card face, measured on rendered cards): the 18-digit number row spans about half the
 * card; the photo window starts about halfway along it, is about as wide as half of it and ends a little above it,
 * at the card's 26 × 32 mm aspect.
 */
function portraitWindow(layout: PageLayout): Rect | undefined {
  const rows = linesMatching(layout, ID_RUN);
  const row = rows[rows.length - 1];
  if (!row) return undefined;
  // When OCR merged the label into the number's line, only the number's share of the box counts.
  const at = ID_RUN.exec(row.text)!.index;
  const perChar = (row.rect.right - row.rect.left) / row.text.length;
  const span = 18 * perChar;
  const left = row.rect.left + perChar * at + 0.515 * span;
  const right = left + 0.515 * span;
  const bottom = row.rect.top - 0.115 * span;
  const top = bottom - (right - left) / PORTRAIT_ASPECT;
  const clamped = {
    left: Math.max(0, left),
    top: Math.max(0, top),
    right: Math.min(layout.page.width, right),
    bottom: Math.min(layout.page.height, bottom),
  };
  return clamped.right - clamped.left > 8 && clamped.bottom - clamped.top > 8 ? clamped : undefined;
}
