import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';

/**
 * Table `api_key_usage`: requests authorised per key per calendar day (in `QUOTA_TIME_ZONE`), for the daily quota.
 * One row per key and day, incremented in the transaction that checks the quota.
 */
@Entity({ name: 'api_key_usage' })
export class ApiKeyUsageEntity {
  @PrimaryColumn({ name: 'api_key_id', type: 'uuid' })
  @ForeignKey('ApiKeyEntity', { name: 'api_key_usage_api_key_id_fkey', onDelete: 'CASCADE' })
  apiKeyId!: string;

  /** `YYYY-MM-DD` (Postgres `date`, returned as a string by node-postgres). */
  @PrimaryColumn({ type: 'date' })
  day!: string;

  @Column({ type: 'integer', default: 0 })
  used!: number;
}
