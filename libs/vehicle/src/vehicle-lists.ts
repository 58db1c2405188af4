/**
 * 使用性质 as printed on a 行驶证 (GA 24.3 机动车使用性质代码 and the later additions for ride-hailing and
 * school buses).
 */
export const VEHICLE_USES = [
  '非营运',
  '营运',
  '公路客运',
  '公交客运',
  '出租客运',
  '预约出租客运',
  '旅游客运',
  '货运',
  '租赁',
  '警用',
  '消防',
  '救护',
  '工程救险',
  '营转非',
  '出租转非',
  '预约出租转非',
  '教练',
  '幼儿校车',
  '小学生校车',
  '初中生校车',
  '中小学生校车',
  '其他校车',
  '危化品运输',
] as const;

const SIZES = ['重型', '中型', '轻型', '微型'];
const GOODS_BODIES = ['普通', '厢式', '封闭', '罐式', '平板', '集装厢', '自卸', '特殊结构', '仓栅式'];

/**
 * 车辆类型 as printed on a 行驶证 (GA 802 机动车类型 names, GA 24.4 codes): passenger cars by size and body, goods
 * vehicles by mass class and body, tractors, special-purpose vehicles, motorcycles and low-speed vehicles.
 */
export const VEHICLE_TYPES: readonly string[] = [
  ...['普通', '双层', '卧铺', '铰接', '越野', '专用'].map((b) => `大型${b}客车`),
  ...['普通', '双层', '卧铺', '铰接', '越野', '专用'].map((b) => `中型${b}客车`),
  ...['普通', '越野', '专用'].map((b) => `小型${b}客车`),
  '小型轿车',
  '小型面包车',
  '微型普通客车',
  '微型轿车',
  '微型面包车',
  ...SIZES.flatMap((s) => GOODS_BODIES.map((b) => `${s}${b}货车`)),
  ...['重型', '中型', '轻型'].flatMap((s) => [`${s}半挂牵引车`, `${s}全挂牵引车`]),
  ...SIZES.map((s) => `${s}专项作业车`),
  ...['普通', '厢式', '罐式', '自卸'].map((b) => `低速${b}货车`),
  '三轮汽车',
  '普通二轮摩托车',
  '普通三轮摩托车',
  '轻便二轮摩托车',
  '轻便三轮摩托车',
];
