import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  Inject,
  Param,
  Post,
  Req,
  Res,
  UploadedFiles,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiConsumes,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { clientIp } from '../http/client-ip';
import { API_KEY_SECURITY, ApiRequestBody } from '../openapi/openapi-security';
import { SUBMIT_REQUEST_BODY } from './recognitions.openapi';
import { MultipartBodyInterceptor } from '../http/multipart-body.interceptor';
import { AsyncApiExceptionFilter } from './async-api-exception.filter';
import { readAsyncRequest } from './async-recognition-request';
import { AsyncRecognitionService } from './async-recognition.service';
import { type RecognitionView, RecognitionViewService } from './recognition-view.service';

type Params = Record<string, unknown> | undefined;

const ERRORS =
  'Errors: the Juhe envelope `{ error_code, reason, result: null }` with 400 (2153xx request checks, 215402 ' +
  'callbackUrl, 215403 Idempotency-Key), 401 (10001), 403 (10002/10003/10008/10009), 404 (215401; 215406 for an ' +
  'unknown /v1 endpoint), 409 (215405), ' +
  '413 (215302), 422 (215404), 429 (10011/10012/10013), 503 (10020).';

/**
 * The async API for KYC workflows: submit (202 at once), then read the order or wait for the webhook. JSON or
 * multipart in, JSON out; the key in `X-Api-Key`. Thin: the flow lives in the services.
 */
@ApiTags('async recognitions')
@ApiSecurity(API_KEY_SECURITY)
@Controller('v1/recognitions')
@UseFilters(AsyncApiExceptionFilter)
export class RecognitionsController {
  constructor(
    @Inject(AsyncRecognitionService) private readonly submissions: AsyncRecognitionService,
    @Inject(RecognitionViewService) private readonly views: RecognitionViewService,
  ) {}

  @Post()
  @UseInterceptors(MultipartBodyInterceptor)
  @ApiOperation({
    summary: 'Submit an image for recognition',
    description: `JSON \`{ cardType, base64, userid?, callbackUrl?, detail?, crop? }\` or multipart with the file \`pic\`. ${ERRORS}`,
  })
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiRequestBody(SUBMIT_REQUEST_BODY)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retries within 24 h replay the first answer' })
  @ApiAcceptedResponse({ description: '`{ orderid, status: "queued" }`' })
  @ApiResponse({ status: 409, description: 'The first request with this Idempotency-Key is still in progress' })
  @ApiResponse({ status: 422, description: 'The Idempotency-Key was used with a different request' })
  async submit(
    @Body() body: Params,
    @UploadedFiles() files: Express.Multer.File[] | undefined,
    @Headers('x-api-key') apiKey: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Record<string, unknown>> {
    const raw = readAsyncRequest(body, files, apiKey);
    const answer = await this.submissions.submit(raw, idempotencyKey, clientIp(req));
    res.status(answer.status);
    if (answer.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return answer.body;
  }

  @Get(':orderid')
  @ApiOperation({ summary: 'Status and result of an order of this key', description: ERRORS })
  @ApiParam({ name: 'orderid', description: 'The `orderid` answered on submission: JH + 22 digits' })
  @ApiOkResponse({
    description:
      '`{ orderid, userid, cardType, status, error_code, reason, result }`; once erased also `erased: true, erasedAt` ' +
      '(and `result`, `userid` null)',
  })
  @ApiResponse({ status: 404, description: 'No such order for this key (215401)' })
  find(
    @Param('orderid') orderid: string,
    @Headers('x-api-key') apiKey: string | undefined,
    @Req() req: Request,
  ): Promise<RecognitionView> {
    return this.views.find(orderid, apiKey, clientIp(req));
  }

  @Delete(':orderid')
  @ApiOperation({
    summary: 'Erase the image, result and userid of an order of this key',
    description:
      'Erases the personal data of a finished order now (PIPL): the image, the result, the userid. The order itself ' +
      'stays, without them (status, error_code, reason, billing). Idempotent. ' +
      ERRORS.replace('409 (215405)', '409 (215405; 215407 while the order is still queued or processing)'),
  })
  @ApiOkResponse({
    description:
      '`{ orderid, userid: null, cardType, status, error_code, reason, result: null, erased: true, erasedAt }`',
  })
  @ApiResponse({ status: 404, description: 'No such order for this key (215401)' })
  @ApiConflictResponse({ description: 'The order is still queued or processing (215407): erase it once finished' })
  erase(
    @Param('orderid') orderid: string,
    @Headers('x-api-key') apiKey: string | undefined,
    @Req() req: Request,
  ): Promise<RecognitionView> {
    return this.views.erase(orderid, apiKey, clientIp(req));
  }
}
