import { createCanvas } from '@napi-rs/canvas';
import type { AccuracyResults } from './accuracy';

const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];

/**
 * Bar chart of the exact-field rate (%) per degradation level, one series per cardType, as a PNG (1200 × 600 px).
 */
export async function drawAccuracyChart(results: AccuracyResults): Promise<Buffer> {
  // chart.js ships its types as an ES module: imported dynamically from this CommonJS script.
  const { Chart, registerables } = await import('chart.js');
  Chart.register(...registerables);
  const levels = [...new Set(results.rows.map((r) => r.level))];
  const cardTypes = [...new Set(results.rows.map((r) => r.cardType))];
  const canvas = createCanvas(1200, 600);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const chart = new Chart(ctx as unknown as ConstructorParameters<typeof Chart>[0], {
    type: 'bar',
    data: {
      labels: levels,
      datasets: cardTypes.map((cardType, i) => ({
        label: `cardType ${cardType} (${results.rows.find((r) => r.cardType === cardType)?.kind})`,
        data: levels.map((level) => {
          const row = results.rows.find((r) => r.cardType === cardType && r.level === level);
          return row && row.fields ? Math.round((1000 * row.exact) / row.fields) / 10 : null;
        }),
        backgroundColor: COLOURS[i % COLOURS.length],
      })),
    },
    options: {
      animation: false,
      responsive: false,
      plugins: {
        title: {
          display: true,
          text: `Fields read exactly, by degradation level (${results.perLevel} generated images per cardType and level)`,
          font: { size: 18 },
        },
        legend: { position: 'bottom' },
      },
      scales: {
        y: { min: 0, max: 100, title: { display: true, text: 'fields exact (%)' } },
        x: { title: { display: true, text: 'degradation level' } },
      },
    },
  });
  const png = await canvas.encode('png');
  chart.destroy();
  return png;
}
