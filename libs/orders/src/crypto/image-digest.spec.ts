import { createHash, createHmac } from 'node:crypto';
import { ImageDigest } from './image-digest';

const DATA_KEY = Buffer.alloc(32, 7);
const IMAGE = Buffer.from('a JPEG, as far as this test cares');

describe(ImageDigest.name, () => {
  it('is HMAC-SHA256 under the HKDF-SHA256 key of DATA_KEY (RFC 5869, empty salt, fixed info)', () => {
    // HKDF-Extract and -Expand written out (one output block), to pin the derivation independently of hkdfSync.
    const prk = createHmac('sha256', Buffer.alloc(32)).update(DATA_KEY).digest();
    const okm = createHmac('sha256', prk)
      .update(Buffer.concat([Buffer.from('zhengjian orders.image_sha256 hmac v1'), Buffer.of(1)]))
      .digest();
    const expected = createHmac('sha256', okm).update(IMAGE).digest('hex');
    expect(new ImageDigest(DATA_KEY).of(IMAGE)).toBe(expected);
  });

  it('is stable under one key, differs under another and from the plain SHA-256', () => {
    const digest = new ImageDigest(DATA_KEY).of(IMAGE);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(new ImageDigest(Buffer.from(DATA_KEY)).of(IMAGE)).toBe(digest);
    expect(new ImageDigest(Buffer.alloc(32, 8)).of(IMAGE)).not.toBe(digest);
    expect(digest).not.toBe(createHash('sha256').update(IMAGE).digest('hex'));
  });
});
