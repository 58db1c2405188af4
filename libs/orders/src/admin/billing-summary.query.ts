import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  BillingCounts,
  BillingGroup,
  BillingGroupBy,
  BillingSummary,
  BillingSummaryFilter,
} from './admin-orders.types';
import { SqlFilter } from './sql-filter';

/** What each aggregate counts (error_code 0 and 215305 are the two billable outcomes). */
const COUNTS = `count(*)::bigint AS records, coalesce(sum(b.units), 0)::bigint AS units,
  count(*) FILTER (WHERE b.error_code = 0)::bigint AS succeeded,
  count(*) FILTER (WHERE b.error_code = 215305)::bigint AS recognition_failed`;

interface CountsRow {
  records: string;
  units: string;
  succeeded: string;
  recognition_failed: string;
}

interface GroupRow extends CountsRow {
  grp: string;
  key_name?: string | null;
  key_prefix?: string | null;
}

/**
 * Billing summaries for `GET /admin/billing/summary`, aggregated by Postgres (`GROUP BY`) over `billing_records`:
 * per calendar day in a time zone, per key, or per cardType, plus the totals of the same rows.
 */
@Injectable()
export class BillingSummaryQuery {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async summarize(filter: BillingSummaryFilter): Promise<BillingSummary> {
    const sql = new SqlFilter()
      .when(filter.apiKeyId, 'b.api_key_id = ?')
      .when(filter.from, 'b.created_at >= ?')
      .when(filter.to, 'b.created_at < ?');
    const totalsParams = [...sql.params];
    const totalsWhere = sql.where;
    const { select, from, groupBy } = grouping(filter.groupBy, () => sql.param(filter.timeZone));
    const groupRows: GroupRow[] = await this.dataSource.query(
      `SELECT ${select}, ${COUNTS} FROM ${from} ${sql.where} GROUP BY ${groupBy} ORDER BY 1`,
      sql.params,
    );
    const [totalsRow] = (await this.dataSource.query(
      `SELECT ${COUNTS} FROM billing_records b ${totalsWhere}`,
      totalsParams,
    )) as CountsRow[];
    const groups = groupRows.map((row): BillingGroup => {
      const group: BillingGroup = { group: String(row.grp), ...counts(row) };
      if (filter.groupBy === 'key') Object.assign(group, { keyName: row.key_name, keyPrefix: row.key_prefix });
      return group;
    });
    return {
      groupBy: filter.groupBy,
      from: filter.from ?? null,
      to: filter.to ?? null,
      timeZone: filter.timeZone,
      groups,
      totals: totalsRow ? counts(totalsRow) : { records: 0, units: 0, succeeded: 0, recognitionFailed: 0 },
    };
  }
}

function grouping(by: BillingGroupBy, timeZoneParam: () => string): { select: string; from: string; groupBy: string } {
  switch (by) {
    case 'day':
      return {
        select: `to_char(b.created_at AT TIME ZONE ${timeZoneParam()}, 'YYYY-MM-DD') AS grp`,
        from: 'billing_records b',
        groupBy: '1',
      };
    case 'key':
      return {
        select: 'b.api_key_id::text AS grp, k.name AS key_name, k.prefix AS key_prefix',
        from: 'billing_records b LEFT JOIN api_keys k ON k.id = b.api_key_id',
        groupBy: 'b.api_key_id, k.name, k.prefix',
      };
    case 'cardType':
      return { select: 'b.card_type::text AS grp', from: 'billing_records b', groupBy: 'b.card_type' };
  }
}

/** bigint counts arrive as strings from node-postgres. */
function counts(row: CountsRow): BillingCounts {
  return {
    records: Number(row.records),
    units: Number(row.units),
    succeeded: Number(row.succeeded),
    recognitionFailed: Number(row.recognition_failed),
  };
}
