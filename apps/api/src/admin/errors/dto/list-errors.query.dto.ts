import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { PageQueryDto } from '../../page-query.dto';

/** `GET /admin/errors` filters: key, error_code, time range; keyset pages. */
export class ListErrorsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: Number, name: 'error_code', description: 'Juhe error_code', example: 10012 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  error_code?: number;
}
