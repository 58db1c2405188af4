import type { OcrPage } from '@zhengjian/ocr';
import type { RecognitionOutcome, RecognizedOutcome } from '@zhengjian/recognition';
import { idCardRecognizer } from '../index';
import { ID_CARD_BACK, ID_CARD_FRONT } from './id-card.documents';
import { frontLines, line, page } from '../../testing/id-card-pages';
import { firstGenerationPage } from '../../testing/identity-document-pages';

function values(outcome: RecognitionOutcome): Record<string, string> {
  expect(outcome.status).toBe('recognized');
  const fields = (outcome as RecognizedOutcome).fields;
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.value]));
}

const backLines = (validity = '2015.03.07-2035.03.07') => [
  line('中华人民共和国', 300, 120, 500, 50),
  line('居民身份证', 330, 200, 420, 60),
  line('签发机关北京市公安局朝阳分局', 150, 450, 560, 34),
  line(`有效期限${validity}`, 150, 520, 600, 34),
];
const FIXED_TODAY = () => new Date('2026-11-29T00:00:00Z');
/** The ID card recognizer asked for one cardType. */
const asking = (cardType: number) => {
  const recognizer = idCardRecognizer(FIXED_TODAY);
  return { recognize: (p: OcrPage) => recognizer.recognize(p, cardType) };
};

describe('ID card front (cardType 2)', () => {
  const recognizer = asking(ID_CARD_FRONT.cardType);

  it('reads the six fields from labelled lines, joining a three-line address', () => {
    expect(values(recognizer.recognize(page(frontLines())))).toEqual({
      姓名: '王小明',
      性别: '男',
      民族: '汉',
      出生: '1990-02-28',
      住址: '北京市朝阳区建国路88号院3号楼2单元1201室',
      公民身份号码: '110105199002280012',
    });
  });

  it('reads the same fields from a page tilted by 8 degrees', () => {
    expect(values(recognizer.recognize(page(frontLines(), (8 * Math.PI) / 180)))['住址']).toBe(
      '北京市朝阳区建国路88号院3号楼2单元1201室',
    );
  });

  it('corrects an ID number read with O and I look-alikes and says so', () => {
    const outcome = recognizer.recognize(page(frontLines({ id: 'II0I05I99OO228OOI2' }))) as RecognizedOutcome;
    expect(outcome.fields['公民身份号码'].value).toBe('110105199002280012');
    expect(outcome.warnings).toContain('checksum_corrected');
  });

  it('returns a number that fails its check as read, flagged checksum_failed', () => {
    const outcome = recognizer.recognize(page(frontLines({ id: '110105199002280013' }))) as RecognizedOutcome;
    expect(outcome.fields['公民身份号码'].value).toBe('110105199002280013');
    expect(outcome.warnings).toContain('checksum_failed');
  });

  it('flags a number whose check character is right but whose birth date does not exist as date_invalid', () => {
    // 1900 is not a leap year: 19000229 is no date, yet 110105190002290017 passes MOD 11-2.
    const outcome = recognizer.recognize(
      page(frontLines({ id: '110105190002290017', birth: '出生1900年2月29日' })),
    ) as RecognizedOutcome;
    expect(outcome.fields['公民身份号码'].value).toBe('110105190002290017');
    expect(outcome.warnings).toContain('date_invalid');
    expect(outcome.warnings).not.toContain('checksum_failed');
  });

  it('flags a printed birth date that disagrees with the number', () => {
    const outcome = recognizer.recognize(page(frontLines({ birth: '出生1990年3月28日' }))) as RecognizedOutcome;
    expect(outcome.warnings).toContain('date_inconsistent');
  });

  it('flags uncertain_characters and lowers the confidence of a name whose box holds ink no character explains', () => {
    const lines = frontLines({ name: '周' }).map((l) => (l.text === '姓名周' ? { ...l, unexplainedGlyphs: 0.96 } : l));
    const outcome = recognizer.recognize(page(lines)) as RecognizedOutcome;
    expect(outcome.fields['姓名']).toMatchObject({ value: '周', confidence: 0.588 });
    expect(outcome.warnings).toEqual(['uncertain_characters']);
    const clean = recognizer.recognize(page(frontLines().map((l) => ({ ...l, unexplainedGlyphs: 0.3 }))));
    expect((clean as RecognizedOutcome).warnings).toEqual([]);
  });

  it('names the region right of 民族 as unread when the label was found and its value was not', () => {
    const lines = frontLines().map((l) => (l.text === '民族汉' ? line('民族', 250, 125, 70, 32) : l));
    const outcome = recognizer.recognize(page(lines)) as RecognizedOutcome;
    expect(outcome.fields['民族']).toBeUndefined();
    const [region] = outcome.unread!;
    // The label's row, a little taller, from the label's end for five characters (the row height each).
    expect(region.map((p) => [Math.round(p.x), Math.round(p.y)])).toEqual([
      [320, 120],
      [480, 120],
      [480, 162],
      [320, 162],
    ]);
    // Once the region is read, the value is there.
    const reread = recognizer.recognize(page([...lines, line('汉', 330, 125, 40, 32)])) as RecognizedOutcome;
    expect(reread.fields['民族'].value).toBe('汉');
    expect(reread.unread).toBeUndefined();
  });

  it('places the portrait right of the text and above the ID number', () => {
    const outcome = recognizer.recognize(page(frontLines())) as RecognizedOutcome;
    const box = outcome.portraitBox!;
    expect(box[0].x).toBeGreaterThan(470);
    expect(box[2].y).toBeLessThan(495);
  });

  it('answers 215308 for the back of the card', () => {
    expect(recognizer.recognize(page(backLines()))).toMatchObject({ status: 'failed', errorCode: 215308 });
  });

  it('answers 215308 for a bank card', () => {
    const bank = [
      line('招商银行', 60, 60, 300, 50),
      line('6225880137706868', 60, 300, 700, 60),
      line('VALID THRU 12/29', 400, 400, 300, 30),
      line('银联', 800, 500, 120, 60),
      line('ZHANG SAN', 60, 480, 300, 40),
    ];
    expect(recognizer.recognize(page(bank))).toMatchObject({ status: 'failed', errorCode: 215308 });
  });

  it('reads a front whose labels were lost (heavy noise) from its valid ID number, flagging missing fields', () => {
    const outcome = recognizer.recognize(
      page([line('王小明', 150, 60, 120, 36), line('110105199002280012', 330, 495, 520, 40)]),
    );
    expect(outcome).toMatchObject({ status: 'recognized', warnings: ['field_missing'] });
    expect(values(outcome)).toEqual({ 公民身份号码: '110105199002280012', 性别: '男', 出生: '1990-02-28' });
  });

  it('does not call unlabelled text with a plausible ID number another document', () => {
    const lines = [
      line('甲乙丙丁', 10, 10, 200, 30),
      line('戊己庚辛', 10, 60, 200, 30),
      line('壬癸子丑', 10, 110, 200, 30),
      line('寅卯辰巳', 10, 160, 200, 30),
      line('110105199002280013', 10, 300, 500, 30),
    ];
    expect(recognizer.recognize(page(lines))).toMatchObject({ status: 'failed', errorCode: 215305 });
  });

  it('answers 215305 when nothing legible is on the page', () => {
    expect(recognizer.recognize(page([line('囗', 10, 10, 20, 20, 0.3)]))).toMatchObject({
      status: 'failed',
      errorCode: 215305,
    });
  });
});

describe('ID card back (cardType 3)', () => {
  const recognizer = asking(ID_CARD_BACK.cardType);

  it('reads authority and validity and splits the dates', () => {
    expect(values(recognizer.recognize(page(backLines())))).toEqual({
      签发机关: '北京市公安局朝阳分局',
      有效期限: '2015.03.07-2035.03.07',
      签发日期: '2015-03-07',
      有效期至: '2035-03-07',
    });
  });

  it('reads a long-term (长期) validity', () => {
    expect(values(recognizer.recognize(page(backLines('2010.11.01-长期'))))['有效期至']).toBe('长期');
  });

  it('flags an expired card and an unlawful span', () => {
    const expired = recognizer.recognize(page(backLines('2006.01.02-2016.01.02'))) as RecognizedOutcome;
    expect(expired.warnings).toEqual(['expired']);
    const odd = recognizer.recognize(page(backLines('2015.03.07-2032.03.07'))) as RecognizedOutcome;
    expect(odd.warnings).toEqual(['date_inconsistent']);
  });

  it('answers 215308 for the front', () => {
    expect(recognizer.recognize(page(frontLines()))).toMatchObject({ status: 'failed', errorCode: 215308 });
  });

  it('reads the back of a photocopy that shows both sides', () => {
    const below = backLines().map((l) => ({ ...l, box: l.box.map((p) => ({ x: p.x, y: p.y + 640 })) as typeof l.box }));
    const both = page([...frontLines(), ...below], 0, 1000, 1280);
    expect(values(recognizer.recognize(both))['签发机关']).toBe('北京市公安局朝阳分局');
    // Its 签发机关 lies below the front's rows, not between them: no one-face card's column.
    expect(asking(101).recognize(both)).toMatchObject({ status: 'recognized' });
  });
});

describe('ID card either side (cardType 101)', () => {
  const recognizer = asking(101);

  it('classifies a front as 2 and a back as 3', () => {
    expect(recognizer.recognize(page(frontLines()))).toMatchObject({ status: 'recognized', cardType: 2 });
    expect(recognizer.recognize(page(backLines()))).toMatchObject({ status: 'recognized', cardType: 3 });
  });

  it('answers 215308 for a business licence', () => {
    const licence = [
      line('营业执照', 300, 60, 400, 80),
      line('统一社会信用代码91110105MA01AMC6Q1', 60, 200, 700, 30),
      line('名称北京某某科技有限公司', 60, 260, 600, 30),
      line('法定代表人张三', 60, 320, 400, 30),
      line('注册资本100万元', 60, 380, 400, 30),
    ];
    expect(recognizer.recognize(page(licence))).toMatchObject({ status: 'failed', errorCode: 215308 });
  });
});

describe('another document sent as an ID card', () => {
  // OCR lines as the engine reads such pages; none of them is a resident ID card, several share its words. The
  // passport's title (护照/PASSPORT, in a display face) is left out: the decision must not hang on naming the document.
  const passport = [
    line('中华人民共和国', 300, 30, 300, 40),
    line("PEOPLE'S REPUBLIC OF CHINA", 300, 75, 360, 24),
    line('类型/Type 国家码/Country Code 护照号/Passport No.', 320, 160, 600, 22),
    line('P CHN E12345678', 320, 185, 400, 30),
    line('姓/Surname', 320, 225, 160, 22),
    line('王/WANG', 320, 250, 160, 30),
    line('名/Given names', 320, 290, 200, 22),
    line('小明/XIAOMING', 320, 315, 220, 30),
    line('性别/Sex 出生地点/Place of birth', 320, 355, 420, 22),
    line('男/M 北京/BEIJING', 320, 380, 320, 30),
    line('出生日期/Date of birth', 320, 420, 300, 22),
    line('28 2月/FEB 1990', 320, 445, 260, 30),
    line('签发日期/Date of issue 有效期至/Date of expiry', 320, 485, 560, 22),
    line('07 3月/MAR 2019 06 3月/MAR 2029', 320, 510, 540, 30),
    line('签发机关/Authority 国家移民管理局', 320, 550, 500, 26),
    line('POCHNWANG<<XIAOMING<<<<<<<<<<<<<<<<<<<<<<<<<', 40, 590, 920, 30),
    line('E123456784CHN9002289M2903066<<<<<<<<<<<<<<02', 40, 625, 920, 30),
  ];
  const receipt = [
    line('某某便利店', 300, 30, 300, 40),
    line('单号：20261129153012004567', 60, 90, 500, 26),
    line('矿泉水 2 × 3.00 6.00', 60, 130, 500, 26),
    line('面包 1 × 8.50 8.50', 60, 170, 500, 26),
    line('合计 14.50', 60, 210, 300, 26),
    line('微信支付 14.50', 60, 250, 300, 26),
    line('2026-11-29 15:30:12 收银员 03', 60, 290, 500, 26),
  ];
  const form = [
    line('费用报销单', 380, 30, 240, 44),
    line('姓名 王小明', 60, 100, 300, 30),
    line('部门 市场部', 500, 100, 300, 30),
    line('报销事由 出差北京交通费', 60, 150, 500, 30),
    line('金额（大写）壹仟贰佰元整', 60, 200, 500, 30),
    line('日期 2026年11月29日', 60, 250, 400, 30),
    line('审批人 李四', 500, 250, 300, 30),
  ];
  const prose = [
    line('秋天的早晨，山间的雾气还没有散去，', 60, 60, 800, 32),
    line('村口的老槐树下已经聚集了赶集的人们。', 60, 110, 800, 32),
    line('孩子们追逐着跑过石板路，', 60, 160, 800, 32),
    line('远处传来几声清脆的鸟鸣。', 60, 210, 800, 32),
  ];
  describe.each([2, 3, 101])('cardType %s', (cardType) => {
    const recognizer = asking(cardType);
    it.each([
      ['a passport data page with its MRZ', passport],
      ['a shop receipt', receipt],
      ['a filled-in form', form],
      ['a page of prose', prose],
    ])('answers 215308 (not billed) for %s', (_name, lines) => {
      expect(recognizer.recognize(page(lines, 0, 1000, 700))).toMatchObject({ status: 'failed', errorCode: 215308 });
    });
  });

  it.each([2, 3, 101])(
    'answers 215308 to cardType %s for a 一代身份证: 签发机关 and 有效期限 in the column of its personal rows',
    (cardType) => {
      expect(asking(cardType).recognize(firstGenerationPage(false))).toMatchObject({
        status: 'failed',
        errorCode: 215308,
      });
    },
  );

  it('answers 215305 (billed) for a front whose evidence shows but whose fields cannot be read', () => {
    const poor = [line('公民身份号码', 60, 500, 200, 32), line('囗囗', 330, 495, 520, 40, 0.4)];
    expect(asking(2).recognize(page(poor))).toMatchObject({ status: 'failed', errorCode: 215305 });
    const back = [line('居民身份证', 330, 200, 420, 60), line('签发机关', 150, 450, 160, 34)];
    expect(asking(3).recognize(page(back))).toMatchObject({ errorCode: 215305 });
  });
});
