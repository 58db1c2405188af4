import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  Post,
  Query,
  Req,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { AnyFilesInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import { type JuheEnvelope, JuheError, JuheErrorCode, cardTypeList, successEnvelope } from '@zhengjian/juhe';
import { clientIp } from '../http/client-ip';
import { type RawImage, param, readRawRequest } from './recognition-request';
import { SyncRecognitionService } from './sync-recognition.service';
import {
  ApiJuheGetRefused,
  ApiJuheQueryBase64,
  ApiJuheQueryUpload,
  ApiJuheTypeList,
} from '../openapi/juhe-endpoint.decorators';

type Params = Record<string, unknown> | undefined;
type Envelope = JuheEnvelope<unknown>;

/** The file part Juhe's `/certificates/query` takes the image from. */
const FILE_PART = 'pic';

/**
 * Juhe's 证件识别 endpoints, paths and `.php` aliases as Juhe's public clients call them. Every answer is HTTP 200
 * with the Juhe envelope; the flow lives in {@link SyncRecognitionService}.
 */
@Controller('certificates')
export class CertificatesController {
  constructor(@Inject(SyncRecognitionService) private readonly recognition: SyncRecognitionService) {}

  /** `base64` in a form-urlencoded or JSON body. */
  @Post(['queryBase64', 'queryBase64.php'])
  @HttpCode(200)
  @ApiJuheQueryBase64()
  queryBase64(@Body() body: Params, @Query() query: Params, @Req() req: Request): Promise<Envelope> {
    const text = param('base64', body);
    const image: RawImage = text === undefined ? { kind: 'missing' } : { kind: 'base64', text };
    return this.recognition.recognize(readRawRequest(body, query, image), clientIp(req));
  }

  /** The image as the multipart file part `pic` (any file name, any declared content type: the bytes decide). */
  @Post(['query', 'query.php'])
  @HttpCode(200)
  @ApiJuheQueryUpload()
  @UseInterceptors(AnyFilesInterceptor())
  query(
    @Body() body: Params,
    @Query() query: Params,
    @UploadedFiles() files: Express.Multer.File[] | undefined,
    @Req() req: Request,
  ): Promise<Envelope> {
    const pic = files?.find((file) => file.fieldname === FILE_PART);
    const image: RawImage = pic ? { kind: 'file', bytes: pic.buffer } : { kind: 'missing' };
    return this.recognition.recognize(readRawRequest(body, query, image), clientIp(req));
  }

  /** Juhe answers 215301 to GET on the recognition endpoints. */
  @Get(['query', 'query.php', 'queryBase64', 'queryBase64.php'])
  @ApiJuheGetRefused()
  getNotSupported(): never {
    throw new JuheError(JuheErrorCode.GetNotSupported);
  }

  /** The cardType catalogue, `[{ code, name }]` ascending; public (no key), it holds no data of anyone. */
  @Get(['typeList', 'typeList.php'])
  @ApiJuheTypeList()
  typeList(): Envelope {
    return successEnvelope(cardTypeList());
  }

  @Post(['typeList', 'typeList.php'])
  @HttpCode(200)
  @ApiJuheTypeList()
  typeListPost(): Envelope {
    return this.typeList();
  }
}
