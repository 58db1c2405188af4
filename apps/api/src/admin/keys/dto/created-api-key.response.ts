import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiKeyResponse } from './api-key.response';

/** `POST /admin/keys`: the key, plus its plaintext and webhook secret, shown this once and never again. */
export class CreatedApiKeyResponse extends ApiKeyResponse {
  @ApiProperty({ type: String, description: 'The plaintext key (32 hex characters); only its SHA-256 is stored' })
  key!: string;

  @ApiPropertyOptional({ type: String, description: 'HMAC-SHA256 secret of the webhook signatures; stored encrypted' })
  webhookSecret?: string;
}
