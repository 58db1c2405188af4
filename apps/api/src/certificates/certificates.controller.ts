import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Patch,
  Post,
  Put,
  Query,
  Req,
  Res,
  UploadedFiles,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { ACCESS, type AccessPort } from '@zhengjian/access';
import { type JuheEnvelope, JuheError, JuheErrorCode, cardTypeList, successEnvelope } from '@zhengjian/juhe';
import { clientIp } from '../http/client-ip';
import { JuheExceptionFilter } from '../http/juhe-exception.filter';
import { MultipartBodyInterceptor } from '../http/multipart-body.interceptor';
import { type RawImage, param, readRawRequest } from '../admission/recognition-request';
import { SyncRecognitionService } from './sync-recognition.service';
import {
  ApiJuheGetRefused,
  ApiJuheQueryBase64,
  ApiJuheQueryUpload,
  ApiJuheTypeList,
} from '../openapi/juhe-endpoint.decorators';

type Params = Record<string, unknown> | undefined;
type Envelope = JuheEnvelope<unknown>;

/** The recognition endpoints and their `.php` aliases: only POST recognises. */
const RECOGNITION_PATHS = ['query', 'query.php', 'queryBase64', 'queryBase64.php'];

/** The file part Juhe's `/certificates/query` takes the image from. */
const FILE_PART = 'pic';

/**
 * Juhe's 证件识别 endpoints, paths and `.php` aliases as Juhe's public clients call them. Every answer is HTTP 200
 * with the Juhe envelope ({@link JuheExceptionFilter}); the flow lives in {@link SyncRecognitionService}.
 */
@Controller('certificates')
@UseFilters(JuheExceptionFilter)
export class CertificatesController {
  constructor(
    @Inject(SyncRecognitionService) private readonly recognition: SyncRecognitionService,
    @Inject(ACCESS) private readonly access: AccessPort,
  ) {}

  /**
   * `base64` in a form-urlencoded, JSON or multipart body (PHP's curl sends an array of post fields as
   * multipart/form-data).
   */
  @Post(['queryBase64', 'queryBase64.php'])
  @HttpCode(200)
  @ApiJuheQueryBase64()
  @UseInterceptors(MultipartBodyInterceptor)
  queryBase64(
    @Body() body: Params,
    @Query() query: Params,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Envelope> {
    const text = param('base64', body);
    const image: RawImage = text === undefined ? { kind: 'missing' } : { kind: 'base64', text };
    return this.recognition.recognize(readRawRequest(body, query, image), clientIp(req), clientGone(res));
  }

  /** The image as the multipart file part `pic` (any file name, any declared content type: the bytes decide). */
  @Post(['query', 'query.php'])
  @HttpCode(200)
  @ApiJuheQueryUpload()
  @UseInterceptors(MultipartBodyInterceptor)
  query(
    @Body() body: Params,
    @Query() query: Params,
    @UploadedFiles() files: Express.Multer.File[] | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Envelope> {
    const pic = files?.find((file) => file.fieldname === FILE_PART);
    const image: RawImage = pic ? { kind: 'file', bytes: pic.buffer } : { kind: 'missing' };
    return this.recognition.recognize(readRawRequest(body, query, image), clientIp(req), clientGone(res));
  }

  /** Juhe answers 215301 to GET on the recognition endpoints. */
  @Get(RECOGNITION_PATHS)
  @ApiJuheGetRefused()
  getNotSupported(): never {
    throw new JuheError(JuheErrorCode.GetNotSupported);
  }

  /**
   * PUT, DELETE and PATCH get the same 215301 in the envelope (HTTP 200), never a bare 404 echoing the URL and its
   * key. One handler per method: Nest keeps one method per handler.
   */
  @Put(RECOGNITION_PATHS)
  @HttpCode(200)
  @ApiJuheGetRefused()
  putNotSupported(): never {
    throw new JuheError(JuheErrorCode.GetNotSupported);
  }

  @Delete(RECOGNITION_PATHS)
  @HttpCode(200)
  @ApiJuheGetRefused()
  deleteNotSupported(): never {
    throw new JuheError(JuheErrorCode.GetNotSupported);
  }

  @Patch(RECOGNITION_PATHS)
  @HttpCode(200)
  @ApiJuheGetRefused()
  patchNotSupported(): never {
    throw new JuheError(JuheErrorCode.GetNotSupported);
  }

  /**
   * The cardType catalogue, `[{ code, name }]` ascending. Needs a valid key, as Juhe's does (10001 none or unknown,
   * 10009 disabled, 10003 expired, 10008 IP denied), checked without spending quota.
   */
  @Get(['typeList', 'typeList.php'])
  @ApiJuheTypeList()
  typeList(@Body() body: Params, @Query() query: Params, @Req() req: Request): Promise<Envelope> {
    return this.catalogue(body, query, req);
  }

  @Post(['typeList', 'typeList.php'])
  @HttpCode(200)
  @ApiJuheTypeList()
  typeListPost(@Body() body: Params, @Query() query: Params, @Req() req: Request): Promise<Envelope> {
    return this.catalogue(body, query, req);
  }

  private async catalogue(body: Params, query: Params, req: Request): Promise<Envelope> {
    await this.access.identify({ key: param('key', body, query), ip: clientIp(req) });
    return successEnvelope(cardTypeList());
  }
}

/** Fires when the connection closes before the response was written: the client will never see the answer. */
function clientGone(res: Response): AbortSignal {
  const gone = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) gone.abort();
  });
  return gone.signal;
}
