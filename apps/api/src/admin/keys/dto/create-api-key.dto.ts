import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { UpdateApiKeyDto } from './update-api-key.dto';

/** `POST /admin/keys`: a new key; every limit is optional (omitted = unlimited, never expires, all card types). */
export class CreateApiKeyDto extends UpdateApiKeyDto {
  @ApiPropertyOptional({
    type: Boolean,
    description: 'A test key: at most TEST_KEY_LIMIT requests in total (10013 after)',
  })
  @IsOptional()
  @IsBoolean()
  isTest?: boolean;
}
