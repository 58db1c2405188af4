/**
 * A WHERE clause built from optional filters with numbered parameters (`$1`, `$2`…), so every value reaches
 * Postgres as a bound parameter, never as SQL text.
 */
export class SqlFilter {
  private readonly conditions: string[] = [];
  readonly params: unknown[] = [];

  /** Adds `condition` with `?` standing for `value`'s parameter, unless `value` is undefined or null. */
  when(value: unknown, condition: string): this {
    if (value === undefined || value === null) return this;
    this.params.push(value);
    this.conditions.push(condition.replaceAll('?', `$${this.params.length}`));
    return this;
  }

  /** Adds a condition with several parameters (`?1`, `?2`… in order). */
  always(condition: string, ...values: unknown[]): this {
    let sql = condition;
    values.forEach((value, i) => {
      this.params.push(value);
      sql = sql.replaceAll(`?${i + 1}`, `$${this.params.length}`);
    });
    this.conditions.push(sql);
    return this;
  }

  /** The next free parameter placeholder, after pushing `value`. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  get where(): string {
    return this.conditions.length > 0 ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}
