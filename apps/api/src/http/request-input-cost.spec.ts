import type { Request } from 'express';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { isIpDenied, normalizeIp } from '@zhengjian/access';
import { isOrderId, parseCardType } from '@zhengjian/juhe';
import { isPrivateAddress, parseWebhookUrl } from '@zhengjian/webhooks';
import { isAdminAuthorization } from '../admin/admin-token';
import { CreateApiKeyDto } from '../admin/keys/dto/create-api-key.dto';
import { ListOrdersQueryDto } from '../admin/orders/dto/list-orders.query.dto';
import { decodeBase64Image } from '../admission/base64-image.decoder';
import { readRawRequest } from '../admission/recognition-request';
import { isValidIdempotencyKey, readAsyncRequest } from '../recognitions/async-recognition-request';
import { bodyLimits } from './body-limits';
import { isForeignCharsetForm, parseForm } from './body-parsers';

/**
 * Every parser and check that runs on request input, fed its worst case at the size limit the api lets through
 * (a whole form or JSON body: about 5.3 MB for the default 3 MiB image). A super-linear step would not return within
 * jest's timeout at this size; the assertions are on the result.
 */
const LIMIT = bodyLimits(3 * 1024 * 1024).textBodyBytes;
/** Node's default limit of all request headers together. */
const HEADER_LIMIT = 16 * 1024;

function runOf(unit: string, total: number): string {
  return unit.repeat(Math.floor(total / unit.length));
}

function formRequest(contentType: string): Request {
  const headers = { 'content-type': contentType };
  return { headers, is: (type: string) => (contentType.startsWith(type) ? type : false) } as unknown as Request;
}

describe('request input cost at the size limit', () => {
  describe(decodeBase64Image.name, () => {
    it('refuses a run of = followed by one character', () => {
      expect(decodeBase64Image(`${runOf('=', LIMIT - 1)}A`)).toEqual({ ok: false, problem: 'invalid' });
    });

    it('refuses whitespace-separated runs, a long data: lookalike and URL-safe text with a bad tail', () => {
      expect(decodeBase64Image(`${runOf('= ', LIMIT - 1)}!`)).toEqual({ ok: false, problem: 'invalid' });
      expect(decodeBase64Image(`${runOf(' ', LIMIT - 10)}data:${runOf(';', 5)}`)).toEqual({
        ok: false,
        problem: 'invalid',
      });
      expect(decodeBase64Image(`${runOf('-_', LIMIT - 2)}*`)).toEqual({ ok: false, problem: 'invalid' });
    });

    it('decodes padding-only text as empty', () => {
      expect(decodeBase64Image(runOf('=', LIMIT))).toEqual({ ok: false, problem: 'empty' });
    });
  });

  describe(parseForm.name, () => {
    it('reads one pair made of % signs and one made of %2 runs', () => {
      expect({ ...parseForm(Buffer.from(`a=${runOf('%', LIMIT - 2)}`), 'gbk', 64) }).toEqual({
        a: runOf('%', LIMIT - 2),
      });
      expect({ ...parseForm(Buffer.from(`a=${runOf('%2', LIMIT - 2)}`), 'gbk', 64) }.a).toHaveLength(LIMIT - 2);
    });

    it('stops at the parameter limit for a body of & and = only', () => {
      expect(() => parseForm(Buffer.from(runOf('=&', LIMIT)), 'gbk', 64)).toThrow('too many parameters');
    });
  });

  it('reads the charset of a Content-Type header made of ; and spaces', () => {
    expect(isForeignCharsetForm(formRequest(`application/x-www-form-urlencoded${runOf('; ', HEADER_LIMIT)}`))).toBe(
      false,
    );
    expect(
      isForeignCharsetForm(formRequest(`application/x-www-form-urlencoded;${runOf(' ', HEADER_LIMIT)}charset=gbk`)),
    ).toBe(true);
  });

  it('reads the Juhe and async parameters of huge NUL, space and digit values', () => {
    const nul = runOf('\u0000', LIMIT);
    const raw = readRawRequest(
      { userid: nul, cardType: runOf(' ', LIMIT), orderid: runOf(' ', LIMIT) },
      {},
      {
        kind: 'missing',
      },
    );
    expect(raw).toEqual({
      key: undefined,
      cardType: '',
      userid: undefined,
      returnOrderId: false,
      detail: false,
      crop: false,
      image: { kind: 'missing' },
    });
    expect(parseCardType(`${runOf(' ', LIMIT)}2x`)).toBeUndefined();
    expect(readAsyncRequest({ callbackUrl: runOf(' ', LIMIT), detail: runOf(' ', LIMIT) }, [], 'k').callbackUrl).toBe(
      undefined,
    );
  });

  it('checks order ids, idempotency keys and the admin token on long lookalikes', () => {
    expect(isOrderId(`JH${runOf('0', LIMIT)}`)).toBe(false);
    expect(isValidIdempotencyKey(`${runOf('a', HEADER_LIMIT)} `)).toBe(false);
    expect(isAdminAuthorization(`Bearer ${runOf(' ', HEADER_LIMIT)}x y`, 'x')).toBe(false);
    expect(isAdminAuthorization(`Bearer${runOf(' \t', HEADER_LIMIT)}`, 'x')).toBe(false);
  });

  it('checks IP addresses, CIDR ranges and webhook URLs of huge lookalikes', () => {
    expect(normalizeIp(`::ffff:${runOf('1.', HEADER_LIMIT)}`)).toBe(`::ffff:${runOf('1.', HEADER_LIMIT)}`);
    expect(isIpDenied('10.0.0.1', [`10.0.0.0/${runOf('/', LIMIT)}`, runOf('1.', LIMIT)])).toBe(false);
    expect(isPrivateAddress(`[${runOf('[]', LIMIT)}]`)).toBe(true);
    expect(parseWebhookUrl(`https://${runOf('a.', LIMIT)}`)).toEqual({ ok: false, problem: 'longer than 2048' });
  });

  it('validates an admin key body and an orders query of huge values', async () => {
    const body = plainToInstance(CreateApiKeyDto, {
      name: runOf('\u0000', LIMIT),
      webhookUrl: `https://${runOf('a.', LIMIT)}`,
      expiresAt: `2026-01-01T${runOf('0', LIMIT)}`,
      ipDenylist: [runOf('1.', LIMIT)],
    });
    const failed = (await validate(body)).map((e) => e.property).sort();
    expect(failed).toEqual(['expiresAt', 'ipDenylist', 'name', 'webhookUrl']);
    const query = plainToInstance(ListOrdersQueryDto, {
      cursor: `${runOf('a', LIMIT)}!`,
      from: runOf('9', LIMIT),
      userid: runOf('\u0000', LIMIT),
    });
    expect((await validate(query)).map((e) => e.property).sort()).toEqual(['cursor', 'from', 'userid']);
  });
});
