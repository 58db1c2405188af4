import {
  correctAddressPlaces,
  datesIn,
  divisionNames,
  findAnyLabel,
  formatDate,
  type LayoutLine,
  type Rule,
  type RuleContext,
  verticalOverlap,
} from '@zhengjian/recognition';

/** The GB/T 2260 code of the registering authority: USCC characters 3–8, or a 15-digit 注册号's first 6 digits. */
export function regionCode(code: string | undefined): string | undefined {
  if (!code) return undefined;
  if (/^\d{15}$/.test(code)) return code.slice(0, 6);
  return /^.{2}\d{6}.{10}$/.test(code) ? code.slice(2, 8) : undefined;
}

function replace(ctx: RuleContext, key: string, value: string): void {
  const reading = ctx.fields[key];
  if (reading && reading.value !== value) {
    ctx.fields[key] = { ...reading, value, confidence: Math.round(reading.confidence * 950) / 1000 };
  }
}

/**
 * Repairs OCR slips in the province / city / county names an address starts with (GB/T 2260, see
 * `correctAddressPlaces`), the code's region breaking ties (a company is registered where it is seated).
 */
export function addressPlaces(key: string, codeKey: string): Rule {
  return (ctx) => {
    const reading = ctx.fields[key];
    if (!reading) return;
    const places = correctAddressPlaces(reading.value, regionCode(ctx.fields[codeKey]?.value));
    if (places.corrected) replace(ctx, key, places.text);
  };
}

/**
 * A name that starts with a place of the code's region (`溆浦县天工电脑经营部`, `哈尔滨星辰投资管理有限公司`; GB/T 2260
 * names, with or without their 省/市/县/区 suffix, three characters at least): a place read with one wrong character
 * (`激浦县`, `恰尔滨`) is restored, and so is one whose first character was lost (`浦县…`). Values not matching `only` (default:
 * any) and values that already start with such a place stay as read.
 */
export function namePlace(key: string, codeKey: string, only = /./): Rule {
  return (ctx) => {
    const reading = ctx.fields[key];
    const region = regionCode(ctx.fields[codeKey]?.value);
    if (!reading || !region || !only.test(reading.value)) return;
    const text = reading.value;
    const forms = divisionNames(region)
      .reverse()
      .flatMap((name) => [name, name.slice(0, -1)])
      .filter((form) => form.length >= 2);
    if (forms.some((form) => text.startsWith(form))) return;
    // Two-character forms (`武汉`, `南明`) are too easily another word (`南京`, `明德`) to be rewritten.
    for (const form of forms.filter((f) => f.length >= 3)) {
      const head = text.slice(0, form.length);
      if ([...form].filter((c, i) => head[i] !== c).length === 1)
        return replace(ctx, key, form + text.slice(form.length));
    }
    const lost = forms.find((form) => form.length >= 3 && text.startsWith(form.slice(1)));
    if (lost) replace(ctx, key, lost[0] + text);
  };
}

/**
 * 登记日期: the date printed under the 登记机关 seal, the nearest line with a date below the label's top and right of
 * its start (the date the seal was stamped). Left to the field's own reading when the label is not found.
 */
export function registrationDate(key: string): Rule {
  return (ctx) => {
    const label = findAnyLabel(ctx.layout, ['登记机关'], { spaced: true });
    if (!label) return;
    const h = label.line.rect.bottom - label.line.rect.top;
    const lines = ctx.layout.lines
      .filter((l) => l.rect.top >= label.line.rect.top && l.rect.right >= label.line.rect.left - h)
      .filter((l) => l.rect.top <= label.line.rect.bottom + 8 * h);
    // A date OCR split in two (`2022`, `年10月17日`) is read over its row.
    const rowText = (line: LayoutLine) =>
      lines
        .filter((l) => verticalOverlap(l.rect, line.rect) > 0.5)
        .sort((a, b) => a.rect.left - b.rect.left)
        .map((l) => l.text)
        .join('');
    const below = lines
      .map((l) => ({ line: l, date: datesIn(rowText(l))[0] }))
      .filter((c) => c.date)
      .sort((a, b) => a.line.rect.top - b.line.rect.top)[0];
    if (!below) return;
    const value = formatDate(below.date, 'YYYY年MM月DD日');
    const reading = ctx.fields[key];
    if (!reading) ctx.derive(key, value, []);
    else if (reading.value !== value) ctx.fields[key] = { ...reading, value };
  };
}
