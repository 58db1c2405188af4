import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { ZhengjianMetrics } from '@zhengjian/metrics';

interface CountRow {
  card_type: number;
  provider: string | null;
  error_code: number;
  n: string;
}

/**
 * `zhengjian_recognitions_total{card_type,provider,error_code}` on the api: finished orders, counted by Postgres
 * (`GROUP BY`) when scraped. Chosen over counting in the api process because async orders finish in the worker
 * without the api seeing them, and the database count survives restarts and agrees across api replicas (use `max`
 * across replicas in PromQL). Concurrent scrapes share one query.
 */
@Injectable()
export class RecognitionCountsCollector implements OnModuleInit {
  private readonly logger = new Logger(RecognitionCountsCollector.name);
  private inFlight: Promise<CountRow[]> | undefined;

  constructor(
    @Inject(ZhengjianMetrics) private readonly metrics: ZhengjianMetrics,
    @Inject(DataSource) private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    // prom-client calls `collect` with the counter as `this`; the query is reached through this closure.
    const counts = () => this.counts();
    new Counter({
      name: 'zhengjian_recognitions_total',
      help: 'Finished recognition orders by cardType, provider and error_code (counted in Postgres on scrape)',
      labelNames: ['card_type', 'provider', 'error_code'] as const,
      registers: [this.metrics.registry],
      async collect() {
        const rows = await counts();
        this.reset();
        for (const row of rows) {
          const labels = { card_type: row.card_type, provider: row.provider ?? 'none', error_code: row.error_code };
          this.inc(labels, Number(row.n));
        }
      },
    });
  }

  private counts(): Promise<CountRow[]> {
    this.inFlight ??= this.query().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async query(): Promise<CountRow[]> {
    try {
      return await this.dataSource.query(
        `SELECT card_type, provider, error_code, count(*)::bigint AS n
           FROM orders WHERE status IN ('succeeded', 'failed')
          GROUP BY card_type, provider, error_code`,
      );
    } catch (err) {
      this.logger.warn(`recognition counts unavailable: ${(err as Error).message}`);
      return [];
    }
  }
}
