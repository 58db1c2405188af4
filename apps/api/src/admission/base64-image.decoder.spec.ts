import { decodeBase64Image } from './base64-image.decoder';

const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0xfb, 0xef, 0xbe, 0x3e, 0x3f]);
const standard = bytes.toString('base64'); // "/9j/4AAQ++++Pj8=" style: contains + and /

function decoded(raw: string | undefined): string {
  const result = decodeBase64Image(raw);
  return result.ok ? result.bytes.toString('hex') : result.problem;
}

describe(decodeBase64Image.name, () => {
  it('decodes standard Base64', () => {
    expect(decoded(standard)).toBe(bytes.toString('hex'));
  });

  it('strips a data: URL prefix', () => {
    expect(decoded(`data:image/jpeg;base64,${standard}`)).toBe(bytes.toString('hex'));
  });

  it('ignores line breaks and tabs', () => {
    expect(decoded(`${standard.slice(0, 4)}\r\n${standard.slice(4, 8)}\n\t${standard.slice(8)}`)).toBe(
      bytes.toString('hex'),
    );
  });

  it('reads spaces as the + that form decoding turned into spaces', () => {
    expect(standard).toContain('+');
    expect(decoded(standard.replace(/\+/g, ' '))).toBe(bytes.toString('hex'));
  });

  it('accepts the URL-safe alphabet and missing padding', () => {
    const urlSafe = bytes.toString('base64url');
    expect(urlSafe).not.toContain('=');
    expect(decoded(urlSafe)).toBe(bytes.toString('hex'));
  });

  it('answers empty for a missing or blank value', () => {
    expect(decoded(undefined)).toBe('empty');
    expect(decoded('')).toBe('empty');
    expect(decoded('data:image/png;base64,')).toBe('empty');
  });

  it('answers empty for a value of only whitespace (not the bytes of spaces read back as +)', () => {
    expect(decoded('    ')).toBe('empty');
    expect(decoded(' ')).toBe('empty');
    expect(decoded(' \r\n\t ')).toBe('empty');
    expect(decoded('data:image/png;base64,    ')).toBe('empty');
  });

  it('answers invalid for characters outside the alphabet or an impossible length', () => {
    expect(decoded('abc*def=')).toBe('invalid');
    expect(decoded('abcde')).toBe('invalid');
    expect(decoded('%2F9j%2F')).toBe('invalid');
  });
});
