import iconv from 'iconv-lite';
import { BodyParseError, MAX_JSON_DEPTH, formOutputEncoding, nestedDeeperThan, parseForm } from './body-parsers';

/** Percent-encodes every byte of `text` in `charset`, as a GBK form client does. */
function encoded(text: string, charset: string): string {
  return [...iconv.encode(text, charset)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

describe(parseForm.name, () => {
  it.each(['gbk', 'gb2312', 'gb18030', 'utf8'])('decodes percent-encoded %s bytes in names and values', (charset) => {
    const body = Buffer.from(`key=abc&userid=${encoded('张三 客户', charset)}&${encoded('名', charset)}=x+y`);
    expect({ ...parseForm(body, charset, 64) }).toEqual({ key: 'abc', userid: '张三 客户', 名: 'x y' });
  });

  it.each(['utf-16', 'utf-16le', 'utf16be', 'utf-32', 'ucs-2', 'ucs-4'])(
    'decodes the escapes of a form declaring %s as UTF-8, which is what such a client sends',
    (charset) => {
      const body = Buffer.from(`userid=${encoded('张三', 'utf8')}`);
      expect(formOutputEncoding(charset)).toBe('utf-8');
      expect({ ...parseForm(body, formOutputEncoding(charset), 64) }).toEqual({ userid: '张三' });
    },
  );

  it.each(['gbk', 'gb18030', 'utf-8', 'big5'])('keeps %s as the escapes’ encoding', (charset) => {
    expect(formOutputEncoding(charset)).toBe(charset);
  });

  it('decodes GBK bytes sent without percent-encoding', () => {
    const body = Buffer.concat([Buffer.from('userid='), iconv.encode('张三', 'gbk'), Buffer.from('&a=1')]);
    expect({ ...parseForm(body, 'gbk', 64) }).toEqual({ userid: '张三', a: '1' });
  });

  it('keeps a malformed %, empty values, a name without =, and repeats as an array; skips empty pairs', () => {
    const body = Buffer.from('a=100%&b=%zz&c=&d&&a=2&base64=ab%2Bc%2F%3D');
    expect({ ...parseForm(body, 'gbk', 64) }).toEqual({
      a: ['100%', '2'],
      b: '%zz',
      c: '',
      d: '',
      base64: 'ab+c/=',
    });
  });

  it('refuses more than parameterLimit pairs with a 413 BodyParseError', () => {
    const body = Buffer.from('a=1&b=2&c=3');
    expect(() => parseForm(body, 'gbk', 2)).toThrow(BodyParseError);
    try {
      parseForm(body, 'gbk', 2);
    } catch (err) {
      expect((err as BodyParseError).status).toBe(413);
    }
  });
});

describe(BodyParseError.name, () => {
  it('keeps the status and type of body-parser errors, and makes anything else a 400', () => {
    expect(BodyParseError.from({ status: 415, type: 'encoding.unsupported', message: 'x' })).toMatchObject({
      status: 415,
      type: 'encoding.unsupported',
    });
    expect(BodyParseError.from({ status: 400, type: 'entity.too.large' }).status).toBe(413);
    expect(BodyParseError.from(Object.assign(new Error('incorrect header check'), { status: 400 })).status).toBe(400);
    expect(BodyParseError.from(new Error('no status')).status).toBe(400);
    expect(BodyParseError.from({ status: 500 }).status).toBe(400);
  });
});

describe(nestedDeeperThan.name, () => {
  it('counts the root as depth 1 and every nested array or object as one more', () => {
    expect(nestedDeeperThan({ a: [1, { b: 2 }] }, 3)).toBe(false);
    expect(nestedDeeperThan({ a: [1, { b: [] }] }, 3)).toBe(true);
    expect(nestedDeeperThan({ a: 'x', b: null, c: 1 }, 1)).toBe(false);
  });

  it(`is iterative: a body nested far beyond the stack's reach is measured (limit ${MAX_JSON_DEPTH})`, () => {
    const deep = JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`) as unknown[];
    expect(nestedDeeperThan(deep, MAX_JSON_DEPTH)).toBe(true);
  });
});
