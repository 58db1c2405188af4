import { Inject, Injectable } from '@nestjs/common';
import { ApiKeyEntity, webhookSecretContext } from '@zhengjian/access';
import { DataCipher } from '@zhengjian/orders';
import { DataSource } from 'typeorm';

/**
 * The webhook settings of an API key: its default endpoint and its signing secret, decrypted only when a delivery
 * is being signed (the plaintext lives in memory for one attempt, is never logged nor stored).
 */
@Injectable()
export class KeyWebhookSettingsReader {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(DataCipher) private readonly cipher: DataCipher,
  ) {}

  /** The key's default webhook URL, or null. */
  async defaultUrl(apiKeyId: string): Promise<string | null> {
    const row = await this.dataSource.manager.findOne(ApiKeyEntity, {
      where: { id: apiKeyId },
      select: { id: true, webhookUrl: true },
    });
    return row?.webhookUrl ?? null;
  }

  /** The key's signing secret in clear, or null when it has none. @throws DataCipherError on a bad ciphertext. */
  async secret(apiKeyId: string): Promise<string | null> {
    const row = await this.dataSource.manager.findOne(ApiKeyEntity, {
      where: { id: apiKeyId },
      select: { id: true, webhookSecretEnc: true },
    });
    if (!row?.webhookSecretEnc) return null;
    return this.cipher.decryptText(row.webhookSecretEnc, webhookSecretContext(apiKeyId));
  }
}
