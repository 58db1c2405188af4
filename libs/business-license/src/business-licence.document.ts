import { type DocumentSpec, type RuleContext, date, findAnyLabel } from '@zhengjian/recognition';
import { readLicenceQr } from './licence-qr';
import { businessScope, businessTerm, capital, copyMark, creditCode, licenceText } from './licence-values';
import { addressPlaces, namePlace, registrationDate } from './licence-rules';
import { registrationAuthority, sealRereads } from './registration-authority';

/** Any 18-character run of a USCC's characters (look-alikes included) or a 15-digit 注册号. */
const CODE_LINE = /[0-9A-Za-z|]{18}|\d{15}/;

/** A line that is a date and nothing else (the 登记日期 under the seal). */
const DATE_LINE = /^\d{4}年\d{1,2}月\d{1,2}日$/;

/**
 * cardType 2008, 营业执照 of the 2015+ 多证合一 design (正本 landscape in two columns, 副本 portrait in one) and older
 * licences with a 15-digit 注册号 (returned in 统一社会信用代码, card-types.md §2). Labels follow the entity type
 * (法定代表人 / 负责人 / 经营者 / 投资人 / 执行事务合伙人, 注册资本 / 出资额, 住所 / 营业场所 / 经营场所 / 主要经营场所,
 * 营业期限 / 合伙期限, 成立日期 / 注册日期); each fills its catalogue key. Dates as printed (`YYYY年MM月DD日`).
 * 统一社会信用代码 is checked with GB 32100 (`checksum_failed` when it fails: pilot codes do), 登记机关 read from the
 * seal with the code's region (GB/T 2260; the seal's characters are re-read one by one when the page's text does
 * not name its kind), 二维码 decoded from the pixels. 组织机构代码, 税务登记证号, 社保登记号 and
 * 统计证证号 are not printed on these licences: always `""`.
 */
export const BUSINESS_LICENCE: DocumentSpec = {
  cardType: 2008,
  signature: { titles: ['营业执照'], labels: ['统一社会信用代码', '经营范围', '登记机关'] },
  spacedLabels: true,
  fields: [
    {
      key: '统一社会信用代码',
      labels: ['统一社会信用代码', '注册号'],
      at: 'anywhere',
      pattern: CODE_LINE,
      parse: creditCode(),
    },
    { key: '名称', labels: ['名称'], at: 'paragraph', maxLines: 2, parse: licenceText() },
    { key: '类型', labels: ['类型'], at: 'paragraph', maxLines: 2, parse: licenceText() },
    {
      key: '住所',
      labels: ['主要经营场所', '经营场所', '营业场所', '住所'],
      at: 'paragraph',
      maxLines: 3,
      parse: licenceText(),
    },
    {
      key: '法定代表人',
      // OCR often runs the long partnership label into its value and drops its last character.
      labels: ['法定代表人', '执行事务合伙人', '负责人', '经营者', '投资人', '执行事务合伙'],
      exactLabels: true,
      at: 'paragraph',
      maxLines: 2,
      parse: licenceText(),
    },
    { key: '组成形式', labels: ['组成形式'], at: 'right', parse: licenceText() },
    { key: '注册资本', labels: ['注册资本', '出资额'], at: 'right', parse: capital() },
    { key: '成立日期', labels: ['成立日期', '注册日期'], at: 'right', parse: date('YYYY年MM月DD日') },
    { key: '营业期限', labels: ['营业期限', '合伙期限'], at: 'paragraph', maxLines: 2, parse: businessTerm() },
    { key: '经营范围', labels: ['经营范围'], at: 'paragraph', parse: businessScope() },
    { key: '登记日期', at: 'anywhere', pattern: DATE_LINE, lowest: true, parse: date('YYYY年MM月DD日') },
    { key: '副本', at: 'anywhere', pattern: /副本|[(（]副|副[)）]/, parse: copyMark() },
  ],
  otherLabels: ['副本编号'],
  required: ['统一社会信用代码', '名称'],
  rules: [
    addressPlaces('住所', '统一社会信用代码'),
    namePlace('名称', '统一社会信用代码'),
    // A partnership's executive partner is often a company of the same city.
    namePlace('法定代表人', '统一社会信用代码', /公司/),
    registrationDate('登记日期'),
    registrationAuthority('登记机关', '统一社会信用代码', '登记日期'),
    copyByShape,
  ],
  hooks: {
    pixels: (image, layout) => readLicenceQr(image, layout),
    reread: (image, layout, fields) => sealRereads(image, layout, fields, '登记机关'),
  },
};

/**
 * A 副本 whose `(副本)` mark OCR missed: the 副本 is printed portrait (A4 upright), the 正本 landscape (A3), so a
 * portrait page under the 营业执照 title is the 副本.
 */
function copyByShape(ctx: RuleContext): void {
  const title = findAnyLabel(ctx.layout, ['营业执照']);
  const { width, height } = ctx.layout.page;
  if (title && height > width * 1.15) ctx.derive('副本', '副本', [], 0.8);
}
