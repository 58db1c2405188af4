import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { HasNoNulCharacters } from './no-nul-characters.decorator';
import { IsInstant } from '../../is-instant.decorator';

const MAX_QUOTA = 2_147_483_647;

/**
 * `PATCH /admin/keys/:id` (and the base of the create body): only the fields present change; `null` clears a limit
 * (quota → unlimited, `expiresAt` → never, `allowedCardTypes` → all, `webhookUrl` → none). Deeper rules (catalogued
 * card types, IP/CIDR syntax) are checked by `ApiKeysService`, also a 400.
 */
export class UpdateApiKeyDto {
  @ApiPropertyOptional({ type: String, description: "Operator's label, 1-200 characters", example: 'shop backend' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @HasNoNulCharacters()
  name?: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Requests per day (QUOTA_TIME_ZONE); null = unlimited',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_QUOTA)
  dailyQuota?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, description: "Requests over the key's life; null = unlimited" })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_QUOTA)
  totalQuota?: number | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'From this instant the key answers 10003; null = never',
  })
  @IsOptional()
  @IsInstant()
  expiresAt?: string | null;

  @ApiPropertyOptional({
    type: [Number],
    nullable: true,
    description: 'Juhe cardTypes the key may ask for (10002 otherwise); null = all',
    example: [1, 2, 3],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsInt({ each: true })
  allowedCardTypes?: number[] | null;

  @ApiPropertyOptional({
    type: [String],
    description: 'Client IPs or CIDR ranges refused with 10008 (replaces the list)',
    example: ['203.0.113.7', '198.51.100.0/24'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  @HasNoNulCharacters({ each: true })
  ipDenylist?: string[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Default webhook endpoint of async orders; null = none',
    example: 'https://kyc.example.com/hooks/zhengjian',
  })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2048)
  @HasNoNulCharacters()
  webhookUrl?: string | null;
}
