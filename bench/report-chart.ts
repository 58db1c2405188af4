import { createCanvas } from '@napi-rs/canvas';
import { findCardType } from '@zhengjian/juhe';
import type { AccuracyResults, AccuracyRow } from './accuracy';
import { ACCURACY_TARGETS, LEVEL_GROUPS } from './level-groups';

/** Chart series: the catalogue's domains, business licences and bank cards together (one cardType each). */
const DOMAINS = [
  { label: 'identity', domains: ['identity'], colour: '#1f77b4' },
  { label: 'vehicle', domains: ['vehicle'], colour: '#d62728' },
  { label: 'travel permits', domains: ['travel-permit'], colour: '#2ca02c' },
  { label: 'business licence, bank card', domains: ['business-license', 'bank-card'], colour: '#ff7f0e' },
  { label: 'other', domains: ['other'], colour: '#9467bd' },
] as const;

/** Fields exact (%) pooled over `rows`, to 0.1; null without fields. */
const pooled = (rows: readonly AccuracyRow[]): number | null => {
  const fields = rows.reduce((s, r) => s + r.fields, 0);
  return fields ? Math.floor((1000 * rows.reduce((s, r) => s + r.exact, 0)) / fields) / 10 : null;
};

/**
 * Bar chart of the exact-field rate (%) per degradation level, one series per document domain (fields pooled over
 * the domain's cardTypes), with the report's targets drawn as dashed lines; a PNG of 1400 × 650 px. Five series stay
 * legible where one per cardType (33) would not: the per-cardType figures are in the report's tables, the chart
 * shows which levels are hard and for which family of documents. The y axis starts at the ten under the lowest
 * bar (at most 90), so differences of a few points near the targets stay visible.
 */
export async function drawAccuracyChart(results: AccuracyResults): Promise<Buffer> {
  // chart.js ships its types as an ES module: imported dynamically from this CommonJS script.
  const { Chart, registerables } = await import('chart.js');
  Chart.register(...registerables);
  // In the report tables' order: the everyday photos, then slanted, then turned.
  const levels = Object.values(LEVEL_GROUPS)
    .flat()
    .filter((l) => results.rows.some((r) => r.level === l));
  const series = DOMAINS.flatMap((d) => {
    const rows = results.rows.filter((r) =>
      (d.domains as readonly string[]).includes(findCardType(r.cardType)?.domain ?? 'other'),
    );
    if (!rows.length) return [];
    const cardTypes = [...new Set(rows.map((r) => r.cardType))];
    return [
      {
        label: `${d.label} (${cardTypes.length === 1 ? `cardType ${cardTypes[0]}` : `${cardTypes.length} cardTypes`})`,
        data: levels.map((level) => pooled(rows.filter((r) => r.level === level))),
        backgroundColor: d.colour,
      },
    ];
  });
  const lowest = Math.min(100, ...series.flatMap((s) => s.data.filter((v): v is number => v !== null)));
  const yMin = Math.max(0, Math.min(90, Math.floor((lowest - 1) / 10) * 10));
  const canvas = createCanvas(1400, 650);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const targets = [...new Set(ACCURACY_TARGETS.map((t) => t.min))];
  const chart = new Chart(ctx as unknown as ConstructorParameters<typeof Chart>[0], {
    type: 'bar',
    data: { labels: levels, datasets: series },
    options: {
      animation: false,
      responsive: false,
      plugins: {
        title: {
          display: true,
          text: `Fields read exactly, by degradation level and domain (${results.perLevel} generated images per kind and level; dashed: targets ${targets.join(' and ')} %)`,
          font: { size: 18 },
        },
        legend: { position: 'bottom' },
      },
      scales: {
        y: { min: yMin, max: 100, title: { display: true, text: 'fields exact (%)' } },
        x: { title: { display: true, text: 'degradation level' } },
      },
    },
    plugins: [
      {
        id: 'targets',
        afterDatasetsDraw: (c) => {
          const { left, right } = c.chartArea;
          c.ctx.save();
          c.ctx.strokeStyle = '#444444';
          c.ctx.setLineDash([6, 4]);
          for (const target of targets) {
            const y = c.scales.y.getPixelForValue(target);
            c.ctx.beginPath();
            c.ctx.moveTo(left, y);
            c.ctx.lineTo(right, y);
            c.ctx.stroke();
          }
          c.ctx.restore();
        },
      },
    ],
  });
  const png = await canvas.encode('png');
  chart.destroy();
  return png;
}
