import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { OrderStatus } from '@zhengjian/orders';
import { MAX_INT4, PageQueryDto } from '../../page-query.dto';
import { HasNoNulCharacters } from '../../keys/dto/no-nul-characters.decorator';

const STATUSES: OrderStatus[] = ['queued', 'processing', 'succeeded', 'failed'];

/** `GET /admin/orders` filters (all optional, combined with AND). */
export class ListOrdersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: String, description: "The caller's own reference, exact match" })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  @HasNoNulCharacters()
  userid?: string;

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: MAX_INT4, description: 'Juhe cardType', example: 2 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_INT4)
  cardType?: number;

  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: OrderStatus;

  @ApiPropertyOptional({
    type: Number,
    minimum: 0,
    maximum: MAX_INT4,
    name: 'error_code',
    description: 'Juhe error_code of the finished order',
    example: 215305,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_INT4)
  error_code?: number;
}
