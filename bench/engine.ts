import { OcrEngine } from '@zhengjian/ocr';
import type { RecognitionService } from '@zhengjian/recognition';
import { createRecognitionService } from '@zhengjian/engine';
import { useStderrLogging } from '../apps/cli/src/stderr-logger';

useStderrLogging();

/** The local recognition service as the CLI builds it, with its model-load time in ms. */
export async function loadService(): Promise<{ service: RecognitionService; loadMs: number }> {
  const started = performance.now();
  const service = createRecognitionService(await OcrEngine.create());
  return { service, loadMs: performance.now() - started };
}

/** The value at quantile q (0–1) of `values`, nearest-rank. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Reads `--name value` flags; unknown flags are an error so typos do not silently bench the wrong thing. */
export function flags(argv: string[], defaults: Record<string, string>): Record<string, string> {
  const out = { ...defaults };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]?.replace(/^--/, '');
    if (!name || !(name in defaults) || argv[i + 1] === undefined) {
      throw new Error(
        `usage: ${Object.keys(defaults)
          .map((k) => `--${k} <${defaults[k]}>`)
          .join(' ')}`,
      );
    }
    out[name] = argv[i + 1];
  }
  return out;
}

export const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)}%` : '-');

/**
 * The names a comma-separated flag selects out of `all`, in `all`'s order; `aliases` maps short names (the CLI's
 * `front` → `id-front`). Empty `list`: every name. @throws Error naming what is unknown and what is accepted.
 */
export function selectNames<T extends string>(
  list: string,
  all: readonly T[],
  what: string,
  aliases: Readonly<Record<string, string>> = {},
): T[] {
  if (!list) return [...all];
  const asked = list.split(',').map((name) => aliases[name.trim()] ?? name.trim());
  const unknown = asked.filter((name) => !(all as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`unknown ${what}: ${unknown.join(', ')} (accepted: ${all.join(',')})`);
  return all.filter((name) => asked.includes(name));
}
