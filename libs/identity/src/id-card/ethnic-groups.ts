/** The 56 ethnic groups of GB/T 3304-1991, as printed on the ID card (without the trailing `族`). */
export const ETHNIC_GROUPS: readonly string[] = [
  '汉',
  '蒙古',
  '回',
  '藏',
  '维吾尔',
  '苗',
  '彝',
  '壮',
  '布依',
  '朝鲜',
  '满',
  '侗',
  '瑶',
  '白',
  '土家',
  '哈尼',
  '哈萨克',
  '傣',
  '黎',
  '傈僳',
  '佤',
  '畲',
  '高山',
  '拉祜',
  '水',
  '东乡',
  '纳西',
  '景颇',
  '柯尔克孜',
  '土',
  '达斡尔',
  '仫佬',
  '羌',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '塔吉克',
  '怒',
  '乌孜别克',
  '俄罗斯',
  '鄂温克',
  '德昂',
  '保安',
  '裕固',
  '京',
  '塔塔尔',
  '独龙',
  '鄂伦春',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
];

/**
 * Matches what OCR read after the `民族` label against the GB/T 3304 list: the longest name that the text
 * starts with, else the name sharing the most characters (at least half). `undefined` when nothing fits.
 */
export function matchEthnicGroup(read: string): string | undefined {
  const text = read.replace(/族$/, '');
  const prefixed = ETHNIC_GROUPS.filter((name) => text.startsWith(name)).sort((a, b) => b.length - a.length);
  if (prefixed.length) return prefixed[0];
  let best: { name: string; shared: number } | undefined;
  for (const name of ETHNIC_GROUPS) {
    if (name.length < 2) continue;
    const shared = [...name].filter((ch) => text.includes(ch)).length;
    if (shared * 2 >= name.length && shared > 0 && (!best || shared > best.shared)) best = { name, shared };
  }
  return best?.name;
}
