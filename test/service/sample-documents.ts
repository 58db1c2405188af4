/**
 * Ground truth of the bundled samples (`samples/`, written by `test/fixtures/write-samples.ts`; samples/README.md lists
 * the same values), for the service e2e test. Every holder, company and vehicle is invented.
 */

/** A bundled sample, what its own cardType reads, and the cardTypes it must be refused under (215308). */
export interface SampleDocument {
  /** File in `samples/`. */
  readonly file: string;
  readonly cardType: number;
  /** The result keys in catalogue order, without `头像`. */
  readonly result: Readonly<Record<string, string>>;
  /** Whether the result ends with a JPEG `头像`. */
  readonly portrait: boolean;
  /** Composite cardTypes that list this one: each must answer it with `证件类型`. */
  readonly composites: readonly number[];
  /** cardTypes of other documents it is sent as: each answers 215308. */
  readonly refusedAs: readonly number[];
  /** The check-character warnings of its `_detail` (`checksum_*`, `mrz_mismatch:*`); most samples have none. */
  readonly checkWarnings: readonly string[];
}

export const SAMPLE_DOCUMENTS: readonly SampleDocument[] = [
  {
    file: 'driving-licence.jpg',
    cardType: 5,
    result: {
      保留: '',
      证号: '540102200203287188',
      姓名: '姜雨红',
      性别: '女',
      住址: '西藏自治区拉萨市城关区光明巷68号',
      出生日期: '2002-03-28',
      初始领证日期: '2024-05-09',
      准驾车型: 'A3',
      有效起始日期: '2024-05-09',
      有效期限: '6年',
      有效截止日期: '2030-05-09',
      签发机关: '西藏自治区拉萨市公安局交通警察支队',
    },
    portrait: true,
    composites: [104],
    refusedAs: [],
    checkWarnings: [],
  },
  {
    file: 'vehicle-licence.jpg',
    cardType: 6,
    result: {
      保留: '',
      号牌号码: '藏A5J985',
      车辆类型: '小型轿车',
      所有人: '姜雨红',
      住址: '西藏自治区拉萨市城关区光明巷68号',
      品牌型号: '大众汽车牌FV7145TATG',
      车辆识别代号: 'LFVJHV3X5KA135094',
      发动机号码: 'CUF865919',
      注册日期: '2019-10-23',
      发证日期: '2019-10-23',
      使用性质: '非营运',
      签发机关: '西藏自治区拉萨市公安局交通警察支队',
    },
    portrait: false,
    composites: [104],
    refusedAs: [],
    checkWarnings: [],
  },
  {
    file: 'business-licence.jpg',
    cardType: 2008,
    result: {
      保留: '',
      统一社会信用代码: '915201023P4P70EM0G',
      组织机构代码: '',
      税务登记证号: '',
      社保登记号: '',
      统计证证号: '',
      名称: '贵阳聚源餐饮管理有限公司',
      类型: '有限责任公司（自然人独资）',
      住所: '贵州省贵阳市南明区青年路559号科技大厦26层15室',
      法定代表人: '韦春芳',
      组成形式: '',
      注册资本: '3000万元人民币',
      成立日期: '2020年03月20日',
      营业期限: '2020年03月20日至2050年03月20日',
      经营范围:
        '外卖递送服务；食品销售；食品互联网销售；农副产品销售。（依法须经批准的项目，经相关部门批准后方可开展经营活动）',
      登记机关: '贵阳市市场监督管理局',
      登记日期: '2023年06月13日',
      二维码: 'http://www.gsxt.gov.cn/index.html?uniscid=915201023P4P70EM0G',
      副本: '',
    },
    portrait: false,
    composites: [],
    refusedAs: [2],
    checkWarnings: [],
  },
  {
    file: 'bank-card.jpg',
    cardType: 17,
    result: {
      保留: '',
      银行卡号: '6225196558079880',
      银行名称: '上海浦东发展银行',
      卡类型: '准贷记卡',
      有效期: '',
    },
    portrait: false,
    composites: [],
    refusedAs: [2],
    // Drawn failing Luhn, as some issuers' numbers do: returned as read, flagged.
    checkWarnings: ['checksum_failed'],
  },
  {
    file: 'hk-macao-permit.jpg',
    cardType: 22,
    result: {
      保留: '',
      证件号码: 'C31774532',
      中文姓名: '高文',
      英文姓名: 'GAO, WEN',
      出生日期: '1976-06-27',
      性别: '男',
      有效期至: '2033-08-10',
      签发地点: '重庆',
      MRZ: 'CSC317745324<3308109<7606272<8',
      签发机关: '中华人民共和国国家移民管理局',
      证件号码VIZ: 'C31774532',
    },
    portrait: true,
    composites: [],
    refusedAs: [29],
    checkWarnings: [],
  },
  {
    file: 'passport.jpg',
    cardType: 13,
    result: {
      护照类型: 'P',
      护照号码MRZ: 'EB6469890',
      本国姓名: '高文',
      英文姓名: 'GAO WEN',
      性别: '男',
      出生日期: '1976-06-27',
      有效期至: '2032-05-07',
      签发国代码: 'CHN',
      英文姓: 'GAO',
      英文名: 'WEN',
      MRZ1: 'POCHNGAO<<WEN<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<',
      MRZ2: 'EB64698905CHN7606272M3205079JCHIKEPIKCKCE<92',
      持证人国籍代码: 'CHN',
      护照号码: 'EB6469890',
      出生地点: '重庆',
      签发地点: '北京',
      签发日期: '2022-05-08',
      'RFID MRZ': '',
      'OCR MRZ': '',
      出生地点拼音: 'CHONGQING',
      签发地点拼音: 'BEIJING',
      身份证号码: '',
      本国姓名拼音OCR: 'GAO WEN',
      性别OCR: '男',
      持证人国籍代码OCR: 'CHN',
      身份证号码OCR: '',
      出生日期OCR: '1976-06-27',
      有效期至OCR: '2032-05-07',
      签发机关OCR: '中华人民共和国国家移民管理局',
      本国姓: '高',
      本国名: '文',
      身高: '',
      '英文姓(VIZ)': 'GAO',
      '英文名(VIZ)': 'WEN',
      '英文姓名(VIZ)': 'GAO WEN',
      校对英文姓: 'GAO',
      校对英文名: 'WEN',
      '本国姓名(VIZ)': '高文',
      国籍: '中国',
      监护人姓名: '',
    },
    portrait: true,
    composites: [],
    refusedAs: [2],
    checkWarnings: [],
  },
];

/** The ID card front sample sent as each of these cardTypes answers 215308. */
export const ID_FRONT_REFUSED_AS: readonly number[] = [5, 2008, 17, 22];
