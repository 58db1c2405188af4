import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
} from '@nestjs/swagger';
import { ApiKeyInputError, type ApiKeySummary, ApiKeysService, type UpdateApiKeyInput } from '@zhengjian/access';
import { WebhookUrlPolicy } from '@zhengjian/webhooks';
import { AdminEndpoint } from '../admin-endpoint.decorator';
import { ApiKeyResponse } from './dto/api-key.response';
import { CreateApiKeyDto } from './dto/create-api-key.dto';
import { CreatedApiKeyResponse } from './dto/created-api-key.response';
import { RotatedWebhookSecretResponse } from './dto/rotated-webhook-secret.response';
import { UpdateApiKeyDto } from './dto/update-api-key.dto';

/** `/admin/keys`: create (the plaintext is shown once), list, show, change limits, disable, rotate the webhook secret. */
@Controller('admin/keys')
@AdminEndpoint('admin: keys')
export class AdminKeysController {
  constructor(
    @Inject(ApiKeysService) private readonly keys: ApiKeysService,
    @Inject(WebhookUrlPolicy) private readonly webhookUrls: WebhookUrlPolicy,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create an API key (its plaintext is shown only in this answer)' })
  @ApiCreatedResponse({ type: CreatedApiKeyResponse, description: '`key` (and `webhookSecret`) appear only here' })
  @ApiBadRequestResponse({ description: 'A field is invalid (the message names it)' })
  async create(@Body() body: CreateApiKeyDto): Promise<ApiKeySummary & Record<string, unknown>> {
    await this.checkWebhookUrl(body.webhookUrl);
    const { allowedCardTypes, ...fields } = toUpdateInput(body);
    const input = { ...fields, name: fields.name ?? '', cardTypes: allowedCardTypes ?? null, isTest: body.isTest };
    // Whatever `create` returns (`id`, `key`, and `webhookSecret` once the webhook work adds it) is shown once.
    const created = await this.keys.create(input);
    const summary = await this.found(created.id);
    return { ...summary, ...created };
  }

  @Get()
  @ApiOperation({ summary: 'List API keys' })
  @ApiOkResponse({ type: [ApiKeyResponse], description: 'Every key, newest first' })
  list(): Promise<ApiKeySummary[]> {
    return this.keys.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'Show an API key' })
  @ApiOkResponse({ type: ApiKeyResponse })
  @ApiNotFoundResponse({ description: 'No such key' })
  show(@Param('id', ParseUUIDPipe) id: string): Promise<ApiKeySummary> {
    return this.found(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a key's quotas, expiry, allowed cardTypes, IP deny list or webhook URL" })
  @ApiOkResponse({ type: ApiKeyResponse, description: 'The key as it is now' })
  @ApiBadRequestResponse({ description: 'A field is invalid (the message names it)' })
  @ApiNotFoundResponse({ description: 'No such key' })
  async update(@Param('id', ParseUUIDPipe) id: string, @Body() body: UpdateApiKeyDto): Promise<ApiKeySummary> {
    await this.checkWebhookUrl(body.webhookUrl);
    const updated = await this.keys.update(id, toUpdateInput(body));
    if (!updated) throw notFound(id);
    return updated;
  }

  @Post(':id/disable')
  @ApiOperation({ summary: 'Disable an API key' })
  @HttpCode(200)
  @ApiOkResponse({ type: ApiKeyResponse, description: 'The key, now `disabled` (its requests answer 10009)' })
  @ApiNotFoundResponse({ description: 'No such key' })
  async disable(@Param('id', ParseUUIDPipe) id: string): Promise<ApiKeySummary> {
    if (!(await this.keys.disable(id))) throw notFound(id);
    return this.found(id);
  }

  @Post(':id/rotate-webhook-secret')
  @ApiOperation({ summary: "Replace a key's webhook signing secret" })
  @HttpCode(200)
  @ApiOkResponse({ type: RotatedWebhookSecretResponse, description: 'The new secret, shown only here' })
  @ApiNotFoundResponse({ description: 'No such key' })
  async rotateWebhookSecret(@Param('id', ParseUUIDPipe) id: string): Promise<RotatedWebhookSecretResponse> {
    const webhookSecret = await this.keys.rotateWebhookSecret(id);
    if (webhookSecret === null) throw notFound(id);
    return { id, webhookSecret };
  }

  /**
   * The webhook target policy of deliveries, applied when the URL is set: a private, loopback or link-local target
   * (an IP literal, or a name resolving to one) is a 400 unless `WEBHOOK_ALLOW_PRIVATE=true`.
   * @throws ApiKeyInputError (400) naming the problem
   */
  private async checkWebhookUrl(url: string | null | undefined): Promise<void> {
    if (typeof url !== 'string') return;
    const check = await this.webhookUrls.check(url, { allowUnresolved: true });
    if (check.ok) return;
    const hint = check.problem.includes('private') ? ' (WEBHOOK_ALLOW_PRIVATE=true allows such targets)' : '';
    throw new ApiKeyInputError(`webhookUrl refused: ${check.problem}${hint}`);
  }

  private async found(id: string): Promise<ApiKeySummary> {
    const key = await this.keys.find(id);
    if (!key) throw notFound(id);
    return key;
  }
}

/** The DTO as the service's input: ISO text → Date; a `null` name or deny list means "leave" and "empty". */
function toUpdateInput(body: UpdateApiKeyDto): UpdateApiKeyInput {
  const input: UpdateApiKeyInput = {};
  if (typeof body.name === 'string') input.name = body.name;
  if (body.dailyQuota !== undefined) input.dailyQuota = body.dailyQuota;
  if (body.totalQuota !== undefined) input.totalQuota = body.totalQuota;
  if (body.expiresAt !== undefined) input.expiresAt = body.expiresAt === null ? null : new Date(body.expiresAt);
  if (body.allowedCardTypes !== undefined) input.allowedCardTypes = body.allowedCardTypes;
  if (body.ipDenylist !== undefined) input.ipDenylist = body.ipDenylist ?? [];
  if (body.webhookUrl !== undefined) input.webhookUrl = body.webhookUrl;
  return input;
}

function notFound(id: string): NotFoundException {
  return new NotFoundException({ statusCode: 404, error: 'Not Found', message: `no api key ${id}` });
}
