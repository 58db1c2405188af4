import { ApiProperty } from '@nestjs/swagger';

/** A key as the admin API shows it: never its hash, never its webhook secret. */
export class ApiKeyResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String })
  name!: string;

  @ApiProperty({ type: String, description: 'First 8 characters of the plaintext key, to tell keys apart' })
  prefix!: string;

  @ApiProperty({ enum: ['active', 'disabled'] })
  status!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  expiresAt!: Date | null;

  @ApiProperty({ type: Boolean })
  isTest!: boolean;

  @ApiProperty({ type: Number, nullable: true })
  dailyQuota!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  totalQuota!: number | null;

  @ApiProperty({ type: [Number], nullable: true })
  allowedCardTypes!: number[] | null;

  @ApiProperty({ type: [String] })
  ipDenylist!: string[];

  @ApiProperty({ type: String, nullable: true })
  webhookUrl!: string | null;

  @ApiProperty({ type: Boolean })
  hasWebhookSecret!: boolean;

  @ApiProperty({ type: Number, description: 'Requests authorised so far' })
  totalUsed!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;
}
