import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_INT4, PageQueryDto } from '../../page-query.dto';

/** `GET /admin/errors` filters: key, error_code, time range; keyset pages. */
export class ListErrorsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    type: Number,
    minimum: 0,
    maximum: MAX_INT4,
    name: 'error_code',
    description: 'Juhe error_code',
    example: 10012,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_INT4)
  error_code?: number;
}
