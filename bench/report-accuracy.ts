import { findCardType } from '@zhengjian/juhe';
import { LEVELS, type Level } from '../test/fixtures/degrade';
import type { AccuracyResults, AccuracyRow } from './accuracy';
import { ACCURACY_TARGETS, LEVEL_GROUPS, type AccuracyTarget } from './level-groups';

/** What a set of accuracy rows adds up to. */
export interface AccuracyTotal {
  images: number;
  envelopesOk: number;
  fields: number;
  exact: number;
}

/** One measured generator kind, with its rows in `LEVELS` order. */
export interface MeasuredKind {
  cardType: number;
  kind: string;
  rows: AccuracyRow[];
}

/** One cardType's shortfall on one target: the share of fields exact (%, rounded down to 0.1). */
export interface Shortfall {
  cardType: number;
  kind: string;
  target: string;
  exactPct: number;
}

export const total = (rows: readonly AccuracyRow[]): AccuracyTotal =>
  rows.reduce(
    (t, r) => ({
      images: t.images + r.images,
      envelopesOk: t.envelopesOk + r.envelopesOk,
      fields: t.fields + r.fields,
      exact: t.exact + r.exact,
    }),
    { images: 0, envelopesOk: 0, fields: 0, exact: 0 },
  );

/**
 * Share of fields exact in %, rounded DOWN to 0.1 so that a figure under a target never reads as reaching it
 * (97.96 % shows as 97.9, not 98.0); null without fields.
 */
export const exactPct = (t: { fields: number; exact: number }): number | null =>
  t.fields ? Math.floor((1000 * t.exact) / t.fields) / 10 : null;

/** The measured kinds in the results' order (cardType, then kind). */
export function measuredKinds(results: AccuracyResults): MeasuredKind[] {
  const byKind = new Map<string, MeasuredKind>();
  for (const row of results.rows) {
    const kind = byKind.get(row.kind) ?? { cardType: row.cardType, kind: row.kind, rows: [] };
    kind.rows.push(row);
    byKind.set(row.kind, kind);
  }
  for (const kind of byKind.values()) kind.rows.sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
  return [...byKind.values()];
}

const onLevels = (rows: readonly AccuracyRow[], levels: readonly Level[]) =>
  total(rows.filter((r) => levels.includes(r.level)));

/** Whether `t` is under `target` (exact arithmetic, not the rounded figure); false when nothing was measured. */
const below = (t: AccuracyTotal, target: AccuracyTarget): boolean =>
  t.fields > 0 && 100 * t.exact < target.min * t.fields;

/** Every target a kind misses, in kind then target order. */
export function shortfalls(kinds: readonly MeasuredKind[]): Shortfall[] {
  return kinds.flatMap((k) =>
    ACCURACY_TARGETS.flatMap((target) => {
      const t = onLevels(k.rows, target.levels);
      return below(t, target)
        ? [{ cardType: k.cardType, kind: k.kind, target: target.name, exactPct: exactPct(t)! }]
        : [];
    }),
  );
}

const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)} %` : '–');
export const table = (head: string[], rows: (string | number)[][]): string =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

/** A target cell: `99.5 %`, or `**93.1 % ✗**` under the target, `–` when none of its levels was measured. */
function targetCell(t: AccuracyTotal, target: AccuracyTarget): string {
  const value = exactPct(t);
  if (value === null) return '–';
  return below(t, target) ? `**${value.toFixed(1)} % ✗**` : `${value.toFixed(1)} %`;
}

/** The cardType's catalogue name, or `?` for a cardType the catalogue does not list. */
const nameOf = (cardType: number): string => findCardType(cardType)?.name ?? '?';

/** `## Accuracy`: the targets table, the cardTypes under target, the per-level tables and the chart. */
export function accuracySection(results: AccuracyResults, chartPath: string): string {
  const kinds = measuredKinds(results);
  const notMeasured = results.notMeasured.length
    ? `\n\nRegistered in the engine but without a generator kind, so not measured here: cardType ${results.notMeasured.join(', ')}${results.notMeasured.includes(101) ? ' (101 classifies the images of 2 and 3 and reads them with the same recognizers)' : ''}.`
    : '';
  const iou = results.rows.filter((r) => r.portraitIoU !== null);
  return [
    '## Accuracy',
    `\`npm run bench:accuracy\`: ${results.perLevel} generated image${results.perLevel === 1 ? '' : 's'} per kind and degradation level (seed ${results.seed}), ${kinds.length} kinds of ${new Set(kinds.map((k) => k.cardType)).size} cardTypes; a field counts as exact when the value equals the generator's ground truth character for character. Every cardType the engine registers that the generator can render is measured; 2008 has two kinds, the landscape 正本 and the portrait 副本.${notMeasured}`,
    targetsSection(kinds),
    levelsSection(kinds),
    `![Fields read exactly, by degradation level and domain](${chartPath})`,
    iou.length
      ? `Portrait crop overlap with the rendered photo (IoU, a missed portrait counts 0), mean over the cells where it is measured: ${(iou.reduce((s, r) => s + (r.portraitIoU ?? 0), 0) / iou.length).toFixed(2)}.`
      : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

function targetsSection(kinds: readonly MeasuredKind[]): string {
  const describe = (t: AccuracyTarget) =>
    `${t.name} ≥ ${t.min} %${t.levels.length === 1 && t.levels[0] === t.name ? '' : ` (${t.levels.join(', ')})`}`;
  const row = (cardType: string | number, kind: string, name: string, rows: readonly AccuracyRow[]) => {
    const all = total(rows);
    return [
      cardType,
      kind,
      name,
      all.images,
      pct(all.envelopesOk, all.images),
      ...ACCURACY_TARGETS.map((target) => targetCell(onLevels(rows, target.levels), target)),
      exactPct(all) === null ? '–' : `${exactPct(all)!.toFixed(1)} %`,
    ];
  };
  const misses = shortfalls(kinds);
  const missedKinds = [...new Set(misses.map((m) => m.kind))];
  const unmeasured = ACCURACY_TARGETS.filter(
    (target) => !kinds.some((k) => onLevels(k.rows, target.levels).fields > 0),
  );
  const verdict = missedKinds.length
    ? `**Below target (${missedKinds.length} of ${kinds.length} kinds):** ${missedKinds
        .map((kind) => {
          const own = misses.filter((m) => m.kind === kind);
          return `${own[0].cardType} ${kind} (${own.map((m) => `${m.target} ${m.exactPct.toFixed(1)} %`).join(', ')})`;
        })
        .join('; ')}.`
    : `Every measured kind meets every target it was measured on (${kinds.length} kinds).`;
  return [
    '### Against the targets',
    `Fields exact per kind on each set of levels: ${ACCURACY_TARGETS.map(describe).join('; ')}. A cell under its target is **bold with ✗**; figures are rounded down. \`answered 0\`: share of images answered with error_code 0.`,
    table(
      [
        'cardType',
        'kind',
        'name',
        'images',
        'answered 0',
        ...ACCURACY_TARGETS.map((t) => `${t.name} ≥ ${t.min} %`),
        'all',
      ],
      [
        ...kinds.map((k) => row(k.cardType, k.kind, nameOf(k.cardType), k.rows)),
        row(
          'all',
          '',
          '',
          kinds.flatMap((k) => k.rows),
        ),
      ],
    ),
    verdict +
      (unmeasured.length
        ? ` Not measured on this run (no image at their levels): ${unmeasured.map((t) => t.name).join(', ')}.`
        : ''),
  ].join('\n\n');
}

/** Fields exact (%) per kind and level, one table per level group; cells under the lowest target in bold. */
function levelsSection(kinds: readonly MeasuredKind[]): string {
  const lowest = Math.min(...ACCURACY_TARGETS.map((t) => t.min));
  const measured = new Set(kinds.flatMap((k) => k.rows.map((r) => r.level)));
  const cell = (k: MeasuredKind, level: Level): string => {
    const row = k.rows.find((r) => r.level === level);
    const value = row ? exactPct(row) : null;
    if (value === null) return '–';
    return 100 * row!.exact < lowest * row!.fields ? `**${value.toFixed(1)}**` : value.toFixed(1);
  };
  const tables = Object.entries(LEVEL_GROUPS).flatMap(([group, levels]) => {
    const shown = levels.filter((l) => measured.has(l));
    if (!shown.length) return [];
    return [
      `${group} levels:`,
      table(
        ['cardType', 'kind', ...shown],
        kinds.map((k) => [k.cardType, k.kind, ...shown.map((level) => cell(k, level))]),
      ),
    ];
  });
  return [
    '### By degradation level',
    `Fields exact (%), rounded down; **bold**: under ${lowest} %. \`photos\` are the everyday scans and photos (tilt: 3–12°), \`slanted\` the 12–30° slant (\`skew\`) and the front camera's mirror image, \`turned\` the quarter and half turns in the pixels or by EXIF tag.`,
    ...tables,
  ].join('\n\n');
}
