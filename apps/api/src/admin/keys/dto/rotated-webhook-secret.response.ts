import { ApiProperty } from '@nestjs/swagger';

/** `POST /admin/keys/:id/rotate-webhook-secret`: the new secret, shown this once (deliveries are signed with it). */
export class RotatedWebhookSecretResponse {
  @ApiProperty({ type: String, format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, description: 'The new HMAC-SHA256 secret; the old one stops signing at once' })
  webhookSecret!: string;
}
