import { resultKeysFor } from '@zhengjian/juhe';
import type { Quad, RgbImage } from '@zhengjian/ocr';
import { type LabelMatch, type RowValue, regionRightOf } from '../layout/label-anchor';
import { type PageLayout, type Rect, meanScore, verticalOverlap } from '../layout/page-layout';
import { below, continued, findAnyLabel, leftOf, paragraph, rightOf } from '../layout/placement';
import { UNCERTAIN_CONFIDENCE_FACTOR, hasUncertainCharacters } from '../layout/uncertain-characters';
import type { FieldReading, RecognitionOutcome, RecognitionWarning } from '../recognizer';
import { editDistance } from '../values/closest-match';
import type { ParsedValue } from '../values/value-parser';
import type { DocumentSpec, FieldSpec, RuleContext } from './document-spec';

/**
 * Checks a spec against the catalogue: every key it reads or fills must be a result key of its cardType.
 * @throws Error naming the first unknown key (a spec bug, found when the recognizer is built).
 */
export function assertSpecKeys(spec: DocumentSpec): void {
  const keys = new Set(resultKeysFor(spec.cardType));
  const used = [...spec.fields.flatMap((f) => [f.key, ...Object.values(f.into ?? {})]), ...spec.required];
  const unknown = used.find((key) => !keys.has(key));
  if (unknown !== undefined) throw new Error(`cardType ${spec.cardType} has no result key ${unknown}`);
}

/**
 * Reads the fields of `spec` from a page already classified as that document: each field's label is anchored, its
 * value taken where the spec says and parsed; then the cross-field rules run. 215305 when none of `required` was
 * read. `today` (`YYYY-MM-DD`) decides `expired`. With `image` (the upright page's pixels, lazily), the spec's
 * `pixels` hook adds the fields only pixels hold.
 */
export function readSpec(
  layout: PageLayout,
  spec: DocumentSpec,
  today: string,
  image?: () => RgbImage,
): RecognitionOutcome {
  const labelOptions = { spaced: spec.spacedLabels };
  const anchors = new Map<FieldSpec, LabelMatch>();
  const columns = new Map<FieldSpec, LabelMatch[]>();
  for (const field of spec.fields) {
    if (field.at === 'leftOf') {
      columns.set(
        field,
        (field.labels ?? []).flatMap((l) => findAnyLabel(layout, [l], labelOptions) ?? []),
      );
      continue;
    }
    const options = { ...labelOptions, exact: field.exactLabels };
    const match = field.labels?.length ? findAnyLabel(layout, field.labels, options) : undefined;
    if (match) anchors.set(field, match);
  }
  // A label matched with slips where another field's label is printed exactly is that other label (`核定载人数`
  // read into `核定载质量` when its own row was not detected).
  const exact = [...anchors].filter(([f, m]) => f.labels!.includes(m.line.text.slice(m.start, m.end)));
  for (const [field, match] of anchors) {
    if (field.labels!.includes(match.line.text.slice(match.start, match.end))) continue;
    const taken = exact.some(([, m]) => m.line === match.line && m.start < match.end && match.start < m.end);
    if (taken) anchors.delete(field);
  }
  // The leading characters of a spread label (`住` of `住 所`) end a value as its last one does.
  const leads = [...anchors.values()].flatMap((m) =>
    (m.leading ?? []).map((line) => ({ line, start: 0, end: line.text.length, rest: line.rect })),
  );
  const stops = [
    ...anchors.values(),
    ...leads,
    ...[...columns.values()].flat(),
    // The signature's labels are printed labels too: a value never runs on into one.
    ...[...(spec.otherLabels ?? []), ...spec.signature.labels, ...(spec.signature.sharedLabels ?? [])].flatMap(
      (l) => findAnyLabel(layout, [l], labelOptions) ?? [],
    ),
  ];

  const fields: Record<string, FieldReading> = {};
  const warnings: RecognitionWarning[] = [];
  const unread: Quad[] = [];
  const put = (key: string, value: string, confidence: number, box: FieldReading['box']) => {
    if (value && !fields[key]) fields[key] = { value, confidence, box };
  };

  for (const field of spec.fields) {
    const anchor = anchors.get(field);
    const found = locate(layout, field, anchor, stops, columns.get(field) ?? []);
    if (!found) {
      if (field.reread && anchor && !rightOf(layout, anchor, stops).text) {
        unread.push(layout.toPage(regionRightOf(anchor, field.reread, nextOnRow(anchor, stops))));
      }
      continue;
    }
    const { parsed, row } = found;
    const uncertain = field.freeText === true && hasUncertainCharacters(row.lines);
    if (uncertain) warnings.push('uncertain_characters');
    const confidence = meanScore(row.lines, (parsed.factor ?? 1) * (uncertain ? UNCERTAIN_CONFIDENCE_FACTOR : 1));
    const box = row.rect ? layout.toPage(row.rect) : undefined;
    put(field.key, parsed.value, confidence, box);
    for (const [part, key] of Object.entries(field.into ?? {})) {
      const value = parsed.parts?.[part];
      if (value) put(key, value, confidence, box);
    }
    warnings.push(...(parsed.warnings ?? []));
  }

  const context: RuleContext = {
    fields,
    layout,
    today,
    warn: (w) => warnings.push(w),
    derive: (key, value, from, factor = 1) => {
      if (fields[key] || !value) return;
      const sources = from.map((k) => fields[k]).filter((r): r is FieldReading => r !== undefined);
      const confidence = Math.round(Math.min(...sources.map((s) => s.confidence), 1) * factor * 1000) / 1000;
      fields[key] = { value, confidence, box: sources.find((s) => s.box)?.box };
    },
  };
  for (const rule of spec.rules ?? []) rule(context);
  if (image && spec.hooks?.pixels) {
    for (const [key, reading] of Object.entries(spec.hooks.pixels(image, layout, fields)))
      put(key, reading.value, reading.confidence, reading.box);
  }
  if (image && spec.hooks?.reread) unread.push(...spec.hooks.reread(image, layout, fields));

  if (!spec.required.some((key) => fields[key])) {
    return { status: 'failed', errorCode: 215305, detail: `none of ${spec.required.join(', ')} could be read` };
  }
  if (spec.fields.some((f) => !fields[f.key])) warnings.push('field_missing');
  const portrait = spec.hooks?.portrait?.(layout, fields);
  return {
    status: 'recognized',
    cardType: spec.cardType,
    fields,
    portraitBox: portrait ? layout.toPage(portrait) : undefined,
    warnings: [...new Set(warnings)],
    ...(unread.length ? { unread } : {}),
  };
}

/** The nearest label printed right of `anchor` on its row (where a re-read region must stop). */
function nextOnRow(anchor: LabelMatch, stops: readonly LabelMatch[]): LabelMatch | undefined {
  return stops
    .filter((s) => (s.line === anchor.line ? s.start > anchor.start : s.line.rect.left > anchor.line.rect.left))
    .filter((s) => s.line === anchor.line || verticalOverlap(s.line.rect, anchor.line.rect) > 0.5)
    .sort((a, b) => a.line.rect.left + a.start - (b.line.rect.left + b.start))[0];
}

function locate(
  layout: PageLayout,
  field: FieldSpec,
  anchor: LabelMatch | undefined,
  stops: readonly LabelMatch[],
  column: readonly LabelMatch[],
): { parsed: ParsedValue; row: RowValue } | undefined {
  const attempt = (row: RowValue) => {
    const text = dropSubLabels(row.text, field.subLabels ?? []);
    const parsed = text ? field.parse(text) : undefined;
    return parsed && (parsed.value || parsed.parts) ? { parsed, row } : undefined;
  };
  switch (field.at) {
    case 'right':
      return anchor ? attempt(rightOf(layout, anchor, stops)) : undefined;
    case 'below':
      return anchor ? attempt(below(layout, anchor, stops)) : undefined;
    case 'continued':
      return anchor ? attempt(continued(layout, anchor, stops, field.maxLines)) : undefined;
    case 'leftOf':
      return attempt(leftOf(layout, column, stops));
    case 'paragraph':
      return anchor ? attempt(paragraph(layout, anchor, stops, field.maxLines)) : undefined;
    case 'anywhere': {
      // Every reading of the value: right of its label first, then each line the pattern allows, in reading order.
      // The best-parsed one wins (a value that passes its check beats one that needed a correction, which beats one
      // that failed it: a nameplate's model code is no VIN); the earliest on a tie.
      let best = anchor ? attempt(rightOf(layout, anchor, stops)) : undefined;
      if (best && (best.parsed.factor ?? 1) >= 1) return best;
      const lines = field.pattern ? layout.lines.filter((l) => field.pattern!.test(l.text)) : [...layout.lines];
      if (field.lowest) lines.sort((a, b) => b.rect.bottom - a.rect.bottom);
      for (const line of lines) {
        // Romanised names need the recogniser's spaces, which the layout's text drops.
        const text = field.keepSpaces ? line.source.text.trim().replace(/\s+/g, ' ') : line.text;
        const found = attempt({ text, lines: [line], rect: line.rect as Rect });
        if (found && (!best || (found.parsed.factor ?? 1) > (best.parsed.factor ?? 1))) best = found;
        if (best && (best.parsed.factor ?? 1) >= 1) return best;
      }
      return best;
    }
  }
}

/**
 * Drops the sub-labels printed at the value's start (`Address`, `vIN`, `EngineNo.`), in any case, punctuation and
 * spaces ignored, allowing one wrong letter in four (OCR reads the small English print worst: `ower`, `ERGENO`).
 */
function dropSubLabels(text: string, subLabels: readonly string[]): string {
  let rest = text;
  for (let again = true; again;) {
    again = false;
    for (const sub of subLabels) {
      const cut = subLabelEnd(rest, sub);
      if (cut > 0) {
        rest = rest.slice(cut);
        again = true;
      }
    }
  }
  return rest;
}

/**
 * Where `sub` ends at the start of `text` (0: it is not there). The longest prefix within the budget wins; the
 * sub-label may have lost up to two leading letters (`leNo` for `File No.`).
 */
function subLabelEnd(text: string, sub: string): number {
  const full = sub.replace(/[^A-Za-z0-9]/g, '').toUpperCase();
  const tails = [full, full.slice(1), full.slice(2)].filter((t, i) => i === 0 || t.length >= 4);
  return Math.max(0, ...tails.map((t) => prefixEnd(text, t)));
}

function prefixEnd(text: string, target: string): number {
  if (!target) return 0;
  const budget = Math.floor(target.length / 4);
  let best = 0;
  let bestDistance = Infinity;
  let letters = '';
  for (let k = 1; k <= Math.min(text.length, target.length + 2 + 4); k++) {
    const ch = text[k - 1];
    if (/[A-Za-z0-9]/.test(ch)) letters += ch.toUpperCase();
    else if (!/[\s.:：·,]/.test(ch)) break;
    if (letters.length < target.length - budget) continue;
    const distance = editDistance(letters, target);
    if (distance <= budget && distance <= bestDistance) {
      best = k;
      bestDistance = distance;
    }
  }
  // Punctuation that follows the sub-label goes with it.
  while (best > 0 && best < text.length && /[.:：·]/.test(text[best])) best++;
  return best;
}
