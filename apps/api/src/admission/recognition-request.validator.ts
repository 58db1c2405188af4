import { JuheError, JuheErrorCode, acceptsImageFormat, parseCardType } from '@zhengjian/juhe';
import { sniffImageFormat } from '@zhengjian/ocr';
import { decodeBase64Image } from './base64-image.decoder';
import type { RawImage, RawRecognitionRequest, ValidRecognitionRequest } from './recognition-request';

const MIME = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', bmp: 'image/bmp' } as const;

/**
 * The request checks of the api, in order: cardType (215303), image present (215306), Base64 decodable (215307),
 * size (215302, decoded bytes against `maxImageBytes`), format from the bytes' signature (215304; file names and
 * part content types are ignored: clients get them wrong). Undecodable bytes of an accepted format (a truncated
 * JPEG) pass here and come back from the engine as 215307 on the order.
 *
 * Decision: text that is not Base64 at all is 215307 (the upload was garbled); Base64 of something that is not an
 * accepted image (GIF, PDF, text) is 215304 (file type).
 *
 * `userid` is not checked here and never refused: it was normalised when the request was read (`normalizeUserid`:
 * NUL characters removed, since PostgreSQL text cannot hold U+0000, then cut to 128 characters), before the key's
 * quota was counted. Juhe has no error code for it.
 *
 * @throws JuheError with the code of the first failed check.
 */
export function validateRecognitionRequest(raw: RawRecognitionRequest, maxImageBytes: number): ValidRecognitionRequest {
  const cardType = parseCardType(raw.cardType);
  if (cardType === undefined) throw JuheError.unknownCardType(raw.cardType ?? '');
  const image = imageBytes(raw.image);
  if (image.length > maxImageBytes) {
    throw new JuheError(JuheErrorCode.FileTooLarge, `image is ${image.length} bytes, the limit is ${maxImageBytes}`, {
      exposeDetail: true,
    });
  }
  const sniffed = sniffImageFormat(image);
  if (!sniffed.accepted) {
    const what = sniffed.detected ? `${sniffed.detected} is` : 'the file is';
    throw new JuheError(JuheErrorCode.FileTypeError, `${what} not an accepted image (JPEG, PNG, BMP, WebP)`, {
      exposeDetail: true,
    });
  }
  if (!acceptsImageFormat(cardType, sniffed.format)) {
    throw new JuheError(JuheErrorCode.FileTypeError, `cardType ${cardType} accepts JPEG images only`, {
      exposeDetail: true,
    });
  }
  return {
    cardType,
    userid: raw.userid,
    returnOrderId: raw.returnOrderId,
    detail: raw.detail,
    crop: raw.crop,
    image,
    mime: MIME[sniffed.format],
  };
}

function imageBytes(image: RawImage): Buffer {
  switch (image.kind) {
    case 'missing':
      throw new JuheError(JuheErrorCode.UploadFailed, 'no image: send the file part pic or the base64 parameter', {
        exposeDetail: true,
      });
    case 'file':
      if (image.bytes.length === 0) {
        throw new JuheError(JuheErrorCode.UploadFailed, 'the uploaded file is empty', { exposeDetail: true });
      }
      return image.bytes;
    case 'base64': {
      const decoded = decodeBase64Image(image.text);
      if (decoded.ok) return decoded.bytes;
      if (decoded.problem === 'empty') {
        throw new JuheError(JuheErrorCode.UploadFailed, 'base64 is empty', { exposeDetail: true });
      }
      throw new JuheError(JuheErrorCode.UploadError, 'base64 is not valid Base64', { exposeDetail: true });
    }
  }
}
