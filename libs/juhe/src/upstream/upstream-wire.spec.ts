import { parseUpstreamEnvelope, sniffImageMime, uploadName } from './upstream-wire';

describe('upstream wire helpers', () => {
  describe(parseUpstreamEnvelope.name, () => {
    it('returns a Juhe envelope as it is', () => {
      const body = { error_code: 0, reason: '操作成功', result: { 姓名: '测试', 保留: '' } };
      expect(parseUpstreamEnvelope(body)).toEqual(body);
    });

    it('reads JSON served as text and a decimal-string error_code', () => {
      expect(parseUpstreamEnvelope('{"error_code":"215305","reason":"识别失败!","result":null}')).toEqual({
        error_code: 215305,
        reason: '识别失败!',
        result: null,
      });
    });

    it('makes result values strings, since the contract has only string values', () => {
      const body = { error_code: 0, reason: '操作成功', result: { a: 86, b: null, c: true, d: { x: 1 } } };
      expect(parseUpstreamEnvelope(body)?.result).toEqual({ a: '86', b: '', c: 'true', d: '{"x":1}' });
    });

    it('refuses bodies that are not envelopes', () => {
      expect(parseUpstreamEnvelope('<html>502 Bad Gateway</html>')).toBeUndefined();
      expect(parseUpstreamEnvelope({ reason: 'x' })).toBeUndefined();
      expect(parseUpstreamEnvelope({ error_code: 1.5 })).toBeUndefined();
      expect(parseUpstreamEnvelope([1])).toBeUndefined();
      expect(parseUpstreamEnvelope(null)).toBeUndefined();
    });

    it('turns a missing reason into "" and a non-object result into null', () => {
      expect(parseUpstreamEnvelope({ error_code: 10012, result: 'x' })).toEqual({
        error_code: 10012,
        reason: '',
        result: null,
      });
    });
  });

  describe(sniffImageMime.name, () => {
    it('knows JPEG, PNG, BMP and WebP by their magic bytes', () => {
      expect(sniffImageMime(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
      expect(sniffImageMime(Buffer.from('89504e470d0a1a0a0000', 'hex'))).toBe('image/png');
      expect(sniffImageMime(Buffer.from('BM\0\0\0\0'))).toBe('image/bmp');
      expect(sniffImageMime(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
      expect(sniffImageMime(Buffer.from('hello'))).toBe('application/octet-stream');
    });
  });

  describe(uploadName.name, () => {
    it('names the file after the given or sniffed type', () => {
      expect(uploadName(Buffer.from('x'), 'image/png')).toEqual({ mime: 'image/png', filename: 'pic.png' });
      expect(uploadName(Buffer.from('x'), 'image/jpg; q=1')).toEqual({ mime: 'image/jpeg', filename: 'pic.jpg' });
      expect(uploadName(Buffer.from([0xff, 0xd8, 0xff]))).toEqual({ mime: 'image/jpeg', filename: 'pic.jpg' });
    });
  });
});
