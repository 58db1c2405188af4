import { createHash } from 'node:crypto';
import { readAsyncRequest } from '../recognitions/async-recognition-request';
import { requestFingerprint } from './request-fingerprint';

describe(requestFingerprint.name, () => {
  const image = Buffer.from('image bytes');
  const request = (body: Record<string, unknown>) =>
    readAsyncRequest({ cardType: '2', base64: image.toString('base64'), ...body }, undefined, 'key');

  it('tells a request with crop from the same one without: their answers differ', () => {
    expect(request({ crop: true }).crop).toBe(true);
    expect(request({}).crop).toBe(false);
    expect(requestFingerprint(request({ crop: true }))).not.toBe(requestFingerprint(request({})));
  });

  it('keeps the fingerprint a request without crop had before crop existed (stored idempotency keys still match)', () => {
    const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
    expect(requestFingerprint(request({}))).toBe(sha256(JSON.stringify([2, null, null, false, sha256(image)])));
  });

  it('reads crop as true, 1, "1" or "true", the same request whichever form', () => {
    const forms = [true, 1, '1', 'true'].map((crop) => requestFingerprint(request({ crop })));
    expect(new Set(forms).size).toBe(1);
    expect(requestFingerprint(request({ crop: 'no' }))).toBe(requestFingerprint(request({})));
  });
});
