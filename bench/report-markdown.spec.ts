import type { AccuracyResults, AccuracyRow } from './accuracy';
import type { LatencyResults } from './latency';
import { exactPct, shortfalls, measuredKinds } from './report-accuracy';
import { latencyTargets, renderReport } from './report-markdown';

const row = (cardType: number, kind: AccuracyRow['kind'], level: AccuracyRow['level'], exact: number, fields = 50) => ({
  cardType,
  kind,
  level,
  images: 5,
  envelopesOk: 5,
  fields,
  exact,
  portraitIoU: null,
});

const accuracy: AccuracyResults = {
  seed: 1,
  perLevel: 5,
  notMeasured: [101],
  rows: [
    row(2, 'id-front', 'photo', 50),
    row(2, 'id-front', 'dim', 48),
    row(2, 'id-front', 'rot90', 50),
    row(2, 'id-front', 'mirror', 47),
    row(1100, 'vin', 'photo', 49, 50),
    row(1100, 'vin', 'skew', 45),
    row(1100, 'vin', 'rot90', 50),
  ],
  confidence: { right: 10, wrong: 1, threshold: 0.9, wrongBelow: 1, meanRight: 0.97, meanWrong: 0.5 },
};

const latency: LatencyResults = {
  images: 8,
  kinds: 2,
  loadMs: 120,
  p50: 300,
  p95: 900,
  cpuP50: 400,
  peakRssMb: 700,
  byCardType: [
    { cardType: 2, images: 4, p50: 240, p95: 300, cpuP50: 350, photoImages: 1, photoP50: 230 },
    { cardType: 2008, images: 4, p50: 850, p95: 900, cpuP50: 1200, photoImages: 1, photoP50: 820 },
  ],
  isolation: {
    images: 2,
    inProcessP50: 1,
    poolP50: 2,
    overheadP50: 1,
    roundTripP50: 0.2,
    meanImageKb: 60,
    poolStartMs: 500,
  },
  tesseract: { p50: 100, p95: 200 },
};

describe('renderReport', () => {
  const markdown = renderReport({
    mode: 'quick',
    date: '2026-11-30',
    machine: '2 × test CPU',
    chartPath: 'docs/bench/accuracy-by-level.png',
    accuracy,
    latency,
    memory: {
      count: 1,
      images: 1,
      seconds: 1,
      peakRssMb: 1,
      samples: [],
      slopeMbPer1000: { rss: 0, heapUsed: 0, external: 0, native: 0 },
    },
    quality: { seed: 1, kinds: ['id-front'], unread: 0, signals: [], scores: {} },
  });
  const lines = markdown.split('\n');

  it('writes one targets row per kind, with the cells under target in bold with ✗', () => {
    expect(lines).toContain(
      '| 2 | id-front | 二代身份证正面 | 20 | 100.0 % | 98.0 % | 100.0 % | – | 96.0 % | **94.0 % ✗** | 97.5 % |',
    );
    expect(lines).toContain(
      '| 1100 | vin | 车辆识别代号 | 15 | 100.0 % | 98.0 % | 100.0 % | **90.0 % ✗** | – | – | 96.0 % |',
    );
  });

  it('lists the kinds below target with the figures they miss by', () => {
    expect(lines).toContain('**Below target (2 of 2 kinds):** 2 id-front (mirrored 94.0 %); 1100 vin (tilted 90.0 %).');
  });

  it('puts the kinds in rows and the levels of each group in columns', () => {
    expect(lines).toContain('| cardType | kind | dim | photo |');
    expect(lines).toContain('| 2 | id-front | 96.0 | 100.0 |');
    expect(lines).toContain('| 1100 | vin | – | 98.0 |');
    expect(lines).toContain('| cardType | kind | skew | mirror |');
    expect(lines).toContain('| 1100 | vin | **90.0** | – |');
  });

  it('checks the tesseract ratio against 3', () => {
    expect(markdown).toContain('zhengjian is 0.33× as fast (p50s): **✗** (target: at least 3×).');
  });
});

describe(latencyTargets.name, () => {
  it('calls out the ID card and business licence photo p50s against 250 and 800 ms', () => {
    expect(latencyTargets(latency)).toBe(
      'Targets, p50 on the `photo` level: ID card ≤ 250 ms — front (2) **230 ms** ✓ (1 photo), back (3): not measured (no photo-level image); business licence ≤ 800 ms — 2008 **820 ms ✗** (1 photo). Photos per cardType are few, so these p50s move by tens of ms from run to run.',
    );
  });
});

describe(shortfalls.name, () => {
  it('counts 97.96 % as under 98 % and shows it rounded down', () => {
    const kinds = measuredKinds({ ...accuracy, rows: [row(2, 'id-front', 'photo', 4898, 5000)] });
    expect(shortfalls(kinds)).toEqual([{ cardType: 2, kind: 'id-front', target: 'photos', exactPct: 97.9 }]);
    expect(exactPct({ exact: 4898, fields: 5000 })).toBe(97.9);
  });
});
