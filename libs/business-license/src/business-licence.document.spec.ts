import type { OcrLine, RgbImage } from '@zhengjian/ocr';
import type { RecognitionOutcome } from '@zhengjian/recognition';
import QRCode from 'qrcode';
import { line, page } from '../../recognition/testing/ocr-page';
import { sealGlyphAngles, sealImage } from '../../recognition/testing/seal-image';
import { businessLicenceRecognizer } from './index';

/** A valid GB 32100 code registered in 福州市 (region 350100). */
const CODE = '91350100M000100Y43';
const QR_TEXT = `http://www.gsxt.gov.cn/index.html?uniscid=${CODE}`;

/** The 2015+ 正本 (landscape, two columns) as OCR returns it: spread labels split, the seal's arc in pieces. */
function original(
  options: { code?: string; codeLabel?: string; seal?: OcrLine[]; registered?: string } = {},
): OcrLine[] {
  return [
    line(options.codeLabel ?? '统一社会信用代码', 240, 250, 330, 40),
    line(options.code ?? CODE, 240, 300, 420, 45),
    line('扫描二维码登录“国家企业信用信息', 2380, 450, 380, 25),
    line('营业执照', 1100, 560, 760, 140),
    line('名', 260, 800, 40, 40),
    line('称', 440, 800, 40, 40),
    line('福州华瑞科技有限公司', 560, 800, 400, 40),
    line('注册资本', 1580, 800, 160, 40),
    line('伍佰万元整', 1860, 800, 200, 40),
    line('类', 260, 870, 40, 40),
    line('型', 440, 870, 40, 40),
    line('有限责任公司(自然人投资或控股)', 560, 870, 640, 40),
    line('成立日期2016年05月04日', 1580, 870, 480, 40),
    line('法定代表人', 260, 940, 200, 40),
    line('王芳', 560, 940, 80, 40),
    line('营业期限', 1580, 940, 160, 40),
    line('2016年05月04日至长期', 1860, 940, 420, 40),
    line('经营范围', 260, 1010, 160, 40),
    line('软件开发；信息技术咨询服务；计算机系统服务；数据', 560, 1010, 900, 40),
    line('住', 1580, 1010, 40, 40),
    line('所', 1740, 1010, 40, 40),
    line('福建省福州市鼓楼区五一路12号科技大厦', 1860, 1010, 760, 40),
    line('处理服务；网络技术服务；信息系统集成服务；物联', 560, 1070, 900, 40),
    line('3层5室', 1860, 1070, 160, 40),
    // One printed row that OCR returned as two lines.
    line('网技术服务。（依法须经批准的项目，', 560, 1130, 600, 40),
    line('经相关部门批准', 1180, 1130, 280, 40),
    line('后方可开展经营活动）', 560, 1190, 400, 40),
    ...(options.seal ?? [
      line('市场监', 2250, 1290, 120, 40),
      line('督', 2390, 1330, 40, 40),
      line('管理局', 2440, 1400, 40, 120, 0.8),
      line('州', 2150, 1360, 40, 40),
      line('福', 2120, 1420, 40, 40),
    ]),
    line('登记机关', 1850, 1500, 160, 40),
    line(options.registered ?? '2018年03月09日', 2050, 1650, 300, 40),
    line('国家企业信用信息公示系统网址：http://www.gsxt.gov.cn', 240, 1930, 600, 25),
  ];
}

const ORIGINAL_RESULT = {
  统一社会信用代码: CODE,
  名称: '福州华瑞科技有限公司',
  类型: '有限责任公司（自然人投资或控股）',
  住所: '福建省福州市鼓楼区五一路12号科技大厦3层5室',
  法定代表人: '王芳',
  注册资本: '伍佰万元整',
  成立日期: '2016年05月04日',
  营业期限: '2016年05月04日至长期',
  经营范围:
    '软件开发；信息技术咨询服务；计算机系统服务；数据处理服务；网络技术服务；信息系统集成服务；物联网技术服务。' +
    '（依法须经批准的项目，经相关部门批准后方可开展经营活动）',
  登记机关: '福州市市场监督管理局',
  登记日期: '2018年03月09日',
};

function values(outcome: RecognitionOutcome): Record<string, string> {
  if (outcome.status !== 'recognized') throw new Error(`not recognized: ${outcome.errorCode} ${outcome.detail}`);
  return Object.fromEntries(Object.entries(outcome.fields).map(([k, f]) => [k, f.value]));
}

function warnings(outcome: RecognitionOutcome): string[] {
  return outcome.status === 'recognized' ? outcome.warnings : [];
}

/** A white upright page with `text` as a QR code at the top right (modules of `cell` pixels). */
function pageWithQr(text: string | undefined, width: number, height: number, cell = 4): RgbImage {
  const data = Buffer.alloc(width * height * 3, 255);
  if (text) {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    const x0 = width - (modules.size + 8) * cell;
    const y0 = 4 * cell;
    for (let r = 0; r < modules.size; r++)
      for (let c = 0; c < modules.size; c++)
        if (modules.get(r, c))
          for (let y = 0; y < cell; y++)
            for (let x = 0; x < cell; x++)
              data.fill(
                0,
                ((y0 + r * cell + y) * width + x0 + c * cell + x) * 3,
                ((y0 + r * cell + y) * width + x0 + c * cell + x) * 3 + 3,
              );
  }
  return { width, height, data };
}

describe('BUSINESS_LICENCE (cardType 2008)', () => {
  const recognizer = businessLicenceRecognizer(() => new Date('2026-01-01T00:00:00Z'));
  const read = (lines: OcrLine[], width = 2970, height = 2100, image?: RgbImage) =>
    recognizer.recognize(page(lines, 0, width, height), 2008, image && { uprightImage: () => image });

  it('reads a 正本 in two columns: spread labels, the scope over its lines, the authority from the seal', () => {
    const outcome = read(original());
    expect(values(outcome)).toEqual(ORIGINAL_RESULT);
    expect(warnings(outcome)).not.toContain('checksum_failed');
  });

  it('reads the same page tilted like a photo', () => {
    const outcome = recognizer.recognize(page(original(), 0.04, 2970, 2100), 2008);
    expect(values(outcome)).toEqual(ORIGINAL_RESULT);
  });

  it('decodes 二维码 from the page pixels when given them, and leaves it out when there is no QR code', () => {
    expect(values(read(original(), 1000, 700, pageWithQr(QR_TEXT, 1000, 700)))['二维码']).toBe(QR_TEXT);
    expect(values(read(original(), 1000, 700, pageWithQr(undefined, 1000, 700)))['二维码']).toBeUndefined();
  });

  it('returns a code failing GB 32100 as printed (a pre-2016 pilot code) and flags it', () => {
    const pilot = `${CODE.slice(0, 17)}4`;
    const outcome = read(original({ code: pilot }));
    expect(values(outcome)['统一社会信用代码']).toBe(pilot);
    expect(warnings(outcome)).toContain('checksum_failed');
  });

  it('corrects a character GB 32100 never prints (O for 0) when exactly one reading passes', () => {
    const outcome = read(original({ code: '9135O100M000100Y43' }));
    expect(values(outcome)['统一社会信用代码']).toBe(CODE);
    expect(warnings(outcome)).toContain('checksum_corrected');
  });

  it('does not guess a character OCR read as a valid one (B for 8) to make the check pass', () => {
    // 913501055709B120XJ: B is allowed at position 13, so it is kept and the code is flagged.
    const outcome = read(original({ code: '913501055709B120XJ' }));
    expect(values(outcome)['统一社会信用代码']).toBe('913501055709B120XJ');
    expect(warnings(outcome)).toContain('checksum_failed');
  });

  it('reads the check character 0 of a valid code', () => {
    const outcome = read(original({ code: '913502006120495420' }));
    expect(values(outcome)['统一社会信用代码']).toBe('913502006120495420');
    expect(warnings(outcome)).not.toContain('checksum_failed');
  });

  it('reads a legacy licence: the 15-digit 注册号 in 统一社会信用代码, the authority named 工商行政管理局', () => {
    const seal = [line('工商行', 2250, 1290, 120, 40), line('政管理局', 2390, 1330, 160, 40)];
    const outcome = read(original({ code: '350100000123457', codeLabel: '注册号', seal }));
    expect(values(outcome)).toMatchObject({ 统一社会信用代码: '350100000123457', 登记机关: '福州市工商行政管理局' });
  });

  it('does not take the 市 of the place for a mark of 市场监督管理局', () => {
    const seal = [line('福州市', 2150, 1360, 120, 40), line('工', 2250, 1290, 40, 40)];
    expect(values(read(original({ seal })))['登记机关']).toBe('福州市工商行政管理局');
  });

  it('names the authority of the licence date when the seal shows no mark or one stray mark', () => {
    const blank = [line('福州', 2150, 1360, 80, 40)];
    const stray = [line('福州市', 2150, 1360, 120, 40), line('场', 2250, 1290, 40, 40)];
    expect(values(read(original({ seal: blank, registered: '2016年05月04日' })))['登记机关']).toBe(
      '福州市工商行政管理局',
    );
    expect(values(read(original({ seal: stray, registered: '2017年12月30日' })))['登记机关']).toBe(
      '福州市工商行政管理局',
    );
    expect(
      values(read(original({ seal: [line('工', 2250, 1290, 40, 40)], registered: '2019年01月02日' }))),
    ).toMatchObject({ 登记机关: '福州市市场监督管理局', 登记日期: '2019年01月02日' });
  });

  it('keeps the kind a seal names for sure over the one of its date (bureaux renamed before 2018)', () => {
    const seal = [line('福州市市场监', 2250, 1290, 240, 40), line('督管理局', 2390, 1330, 160, 40)];
    expect(values(read(original({ seal, registered: '2016年05月04日' })))['登记机关']).toBe('福州市市场监督管理局');
    const old = [line('工商行', 2250, 1290, 120, 40), line('政管理局', 2390, 1330, 160, 40)];
    expect(values(read(original({ seal: old, registered: '2020年05月04日' })))['登记机关']).toBe(
      '福州市工商行政管理局',
    );
  });

  it("in 2018, when the bureaux were renamed, follows the seal's one mark, else the code's time", () => {
    expect(values(read(original({ seal: [line('福州', 2150, 1360, 80, 40)] })))['登记机关']).toBe(
      '福州市市场监督管理局',
    );
    expect(values(read(original({ seal: [line('商', 2250, 1290, 40, 40)] })))['登记机关']).toBe('福州市工商行政管理局');
  });

  it("asks for the seal's characters one by one when its text does not name the kind, then reads them", () => {
    // The seal drawn in the pixels where the page's seal is: over and right of 登记机关.
    const image = sealImage(2970, 2100, 2270, 1420, 140, sealGlyphAngles(10));
    const undecided = read(original({ seal: [line('福州', 2150, 1360, 80, 40)] }), 2970, 2100, image);
    expect(undecided.status === 'recognized' && undecided.unread).toHaveLength(10);
    // What the service then adds to the page: one glyph per quad.
    const quads = undecided.status === 'recognized' ? undecided.unread! : [];
    const glyphs = quads.map((box, i) => ({ text: '福州市工商行政管理局'[i], score: 0.99, box }));
    const reread = read([...original({ seal: [line('福州', 2150, 1360, 80, 40)] }), ...glyphs], 2970, 2100, image);
    expect(values(reread)['登记机关']).toBe('福州市工商行政管理局');
    expect(reread.status === 'recognized' && reread.unread).toBeFalsy();
  });

  it('reads a partnership 副本 (portrait, one column) with its label variants and 副本编号', () => {
    const lines = [
      line('统一社会信用代码', 240, 250, 330, 40),
      line(CODE, 240, 300, 420, 45),
      line('副本编号：1-2', 240, 370, 300, 36),
      line('营业执照', 700, 560, 700, 140),
      line('(副本)', 950, 720, 160, 60),
      line('名', 260, 850, 40, 40),
      line('称福州同舟投资合伙企业（有限合伙）', 440, 850, 700, 40),
      line('类', 260, 920, 40, 40),
      line('型', 440, 920, 40, 40),
      line('有限合伙企业', 560, 920, 240, 40),
      line('执行事务合伙人', 260, 990, 280, 40),
      line('福州远航投资管理有限公司（委派代表：', 560, 990, 720, 40),
      line('李明）', 560, 1050, 120, 40),
      line('出资额', 260, 1120, 120, 40),
      line('1000万元人民币', 560, 1120, 300, 40),
      line('成立日期', 260, 1190, 160, 40),
      line('2019年11月30日', 560, 1190, 300, 40),
      line('合伙期限', 260, 1260, 160, 40),
      line('2019年11月30日至2039年11月30日', 560, 1260, 620, 40),
      line('主要经营场所', 260, 1330, 240, 40),
      line('福建省福州市台江区江滨路8号', 560, 1330, 560, 40),
      line('经营范围', 260, 1400, 160, 40),
      line('以自有资金从事投资活动。', 560, 1400, 480, 40),
      line('市场监督', 1500, 2350, 160, 40),
      line('登记机关', 1000, 2450, 160, 40),
      line('福州', 1300, 2420, 80, 40),
      line('2020年01月02日', 1250, 2600, 300, 40),
    ];
    expect(values(read(lines, 2100, 2970))).toEqual({
      统一社会信用代码: CODE,
      名称: '福州同舟投资合伙企业（有限合伙）',
      类型: '有限合伙企业',
      住所: '福建省福州市台江区江滨路8号',
      法定代表人: '福州远航投资管理有限公司（委派代表：李明）',
      注册资本: '1000万元人民币',
      成立日期: '2019年11月30日',
      营业期限: '2019年11月30日至2039年11月30日',
      经营范围: '以自有资金从事投资活动。',
      登记机关: '福州市市场监督管理局',
      登记日期: '2020年01月02日',
      副本: '副本1-2',
    });
  });

  it('reads an individual business: 经营者, 组成形式, 经营场所 and 注册日期', () => {
    const lines = original().map((l) => {
      const swap: Record<string, string> = { 法定代表人: '经营者', 注册资本: '组成形式', 伍佰万元整: '个人经营' };
      if (l.text === '成立日期2016年05月04日') return { ...l, text: '注册日期2016年05月04日' };
      if (l.text === '住') return { ...l, text: '经营场' };
      return swap[l.text] ? { ...l, text: swap[l.text] } : l;
    });
    expect(values(read(lines))).toMatchObject({
      法定代表人: '王芳',
      组成形式: '个人经营',
      成立日期: '2016年05月04日',
      住所: '福建省福州市鼓楼区五一路12号科技大厦3层5室',
    });
  });

  it('repairs a one-character slip in the places that start 住所 (GB/T 2260)', () => {
    const lines = original().map((l) =>
      l.text.startsWith('福建省福州市') ? { ...l, text: l.text.replace('福州市', '福洲市') } : l,
    );
    expect(values(read(lines))['住所']).toBe('福建省福州市鼓楼区五一路12号科技大厦3层5室');
  });

  it('answers 215308 for an ID card sent as a business licence', () => {
    const id = [
      line('姓名王芳', 100, 100, 300, 40),
      line('性别女民族汉', 100, 170, 300, 40),
      line('出生1990年1月1日', 100, 240, 360, 40),
      line('住址北京市东城区景山前街4号', 100, 310, 560, 40),
      line('公民身份号码11010519491231002X', 100, 500, 700, 40),
    ];
    expect(read(id, 1000, 700)).toMatchObject({ status: 'failed', errorCode: 215308 });
  });
});
