import {
  type DocumentSpec,
  type FieldReading,
  type PageLayout,
  type Rect,
  address,
  chineseName,
  citizenIdNumber,
  date,
  digits,
  findAnyLabel,
  idDigits,
  issuingOffice,
  notBefore,
  placeNames,
  oneOf,
  sameDate,
  sexFromId,
  validity,
  validitySpan,
} from '@zhengjian/recognition';
import { licenceClasses } from './vehicle-values';

/** An 18-character run that can be a 公民身份号码 once look-alikes are resolved. */
const ID_RUN = /[0-9OoDQIl|B]{17}[0-9XxK×B]/;

/**
 * cardType 5, 机动车驾驶证 正页 (GA 482): 证号 (GB 11643 checked), 姓名, 性别, 住址, 出生日期, 初始领证日期 (printed
 * `初次领证日期`), 准驾车型, the validity (older cards: 有效起始日期 + 有效期限 `6年`/`10年`/`长期`; newer ones: 有效期限
 * `YYYY-MM-DD 至 YYYY-MM-DD|长期`, both filling all three keys) and 签发机关 from the seal beside the date column.
 */
export const DRIVING_LICENCE_MAIN: DocumentSpec = {
  cardType: 5,
  signature: { titles: ['机动车驾驶证'], labels: ['准驾车型', '初次领证日期', '国籍'] },
  fields: [
    { key: '证号', labels: ['证号'], at: 'anywhere', pattern: ID_RUN, parse: citizenIdNumber() },
    { key: '姓名', labels: ['姓名'], subLabels: ['Name'], at: 'right', parse: chineseName() },
    { key: '性别', labels: ['性别'], subLabels: ['Sex'], at: 'right', parse: oneOf(['男', '女'], { maxDistance: 0 }) },
    { key: '住址', labels: ['住址'], subLabels: ['Address'], at: 'continued', maxLines: 2, parse: address() },
    { key: '出生日期', labels: ['出生日期'], at: 'right', parse: date() },
    { key: '初始领证日期', labels: ['初次领证日期', '初领日期'], at: 'right', parse: date() },
    { key: '准驾车型', labels: ['准驾车型'], subLabels: ['Class'], at: 'right', parse: licenceClasses() },
    { key: '有效起始日期', labels: ['有效起始日期'], at: 'right', parse: date() },
    {
      key: '有效期限',
      labels: ['有效期限'],
      at: 'right',
      parse: validity({ years: [6, 10] }),
      into: { from: '有效起始日期', to: '有效截止日期' },
    },
    { key: '签发机关', labels: ['出生日期', '初次领证日期', '准驾车型'], at: 'leftOf', parse: issuingOffice() },
  ],
  otherLabels: ['国籍'],
  required: ['证号', '姓名'],
  rules: [
    placeNames('住址', '证号'),
    sameDate('出生日期', idDigits('证号', 7, 14)),
    sexFromId('性别', '证号'),
    notBefore('初始领证日期', '出生日期', 16),
    notBefore('有效起始日期', '初始领证日期'),
    validitySpan({ from: '有效起始日期', span: '有效期限', to: '有效截止日期' }, [6, 10]),
  ],
  hooks: { portrait: portraitBeside },
};

/**
 * The portrait of a 驾驶证 正页 (GA 482 layout, millimetres on the 88 × 60 mm card): right of the date column, from
 * the 住址 row down to above the validity row. Scaled from the printed 姓名 and 有效期限 rows.
 */
function portraitBeside(layout: PageLayout, fields: Readonly<Record<string, FieldReading>>): Rect | undefined {
  const name = findAnyLabel(layout, ['姓名']);
  const valid = findAnyLabel(layout, ['有效期限', '有效起始日期']);
  if (!name || !valid || !fields['姓名']) return undefined;
  const mm = (valid.line.rect.bottom - name.line.rect.bottom) / (55 - 21.5);
  if (mm <= 0) return undefined;
  const left = name.line.rect.left - 0.5 * mm;
  const top = name.line.rect.bottom;
  return { left: left + 58.5 * mm, right: left + 78.5 * mm, top: top + 3 * mm, bottom: top + 29 * mm };
}

/** cardType 28, 机动车驾驶证 副页: 证号 (GB 11643 checked), 姓名 and the 12-digit 档案编号. */
export const DRIVING_LICENCE_SUB: DocumentSpec = {
  cardType: 28,
  signature: { titles: ['机动车驾驶证副页'], labels: ['档案编号', '记录'] },
  fields: [
    { key: '证号', labels: ['证号'], at: 'anywhere', pattern: ID_RUN, parse: citizenIdNumber() },
    { key: '姓名', labels: ['姓名'], subLabels: ['Name'], at: 'right', parse: chineseName() },
    { key: '档案编号', labels: ['档案编号'], subLabels: ['File No.'], at: 'right', parse: digits(12) },
  ],
  otherLabels: ['记录'],
  required: ['证号', '姓名'],
};
