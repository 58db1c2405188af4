import { randomBytes } from 'node:crypto';
import { DataCipher } from './data.cipher';
import { DataCipherError } from './data-cipher.error';

describe(DataCipher.name, () => {
  const cipher = new DataCipher(randomBytes(32));
  const plain = Buffer.from('{"公民身份号码":"11010519491231002X"}', 'utf8');

  it('round-trips bytes in the versioned binary layout', () => {
    const blob = cipher.encrypt(plain, 'order_images:1');
    expect(blob[0]).toBe(1);
    expect(blob.length).toBe(1 + 12 + 16 + plain.length);
    expect(blob.includes(plain)).toBe(false);
    expect(cipher.decrypt(blob, 'order_images:1')).toEqual(plain);
  });

  it('round-trips text and JSON in the v1: layout', () => {
    const value = { 姓名: '测试', n: 1 };
    const text = cipher.encryptJson(value, 'ctx');
    expect(text).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
    expect(text).not.toContain('测试');
    expect(cipher.decryptJson(text, 'ctx')).toEqual(value);
    expect(cipher.decryptText(cipher.encryptText(''))).toBe('');
  });

  it('uses a fresh IV for every value', () => {
    expect(cipher.encryptText('same')).not.toBe(cipher.encryptText('same'));
  });

  it('rejects a tampered byte anywhere in the value', () => {
    const blob = cipher.encrypt(plain);
    for (const index of [1, 13, 29, blob.length - 1]) {
      const tampered = Buffer.from(blob);
      tampered[index] ^= 0x01;
      expect(() => cipher.decrypt(tampered)).toThrow(DataCipherError);
    }
  });

  it('rejects a value moved to another context, or decrypted under another key', () => {
    const text = cipher.encryptText('secret', 'orders.result:a');
    expect(() => cipher.decryptText(text, 'orders.result:b')).toThrow(DataCipherError);
    expect(() => new DataCipher(randomBytes(32)).decryptText(text, 'orders.result:a')).toThrow(DataCipherError);
  });

  it('rejects unknown versions and truncated values', () => {
    expect(() => cipher.decryptText('v2:AAAA')).toThrow(DataCipherError);
    expect(() => cipher.decryptText('v1:AAAA')).toThrow(DataCipherError);
    expect(() => cipher.decrypt(Buffer.from([2, ...randomBytes(40)]))).toThrow(DataCipherError);
    expect(() => cipher.decrypt(Buffer.from([1, 2, 3]))).toThrow(DataCipherError);
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => new DataCipher(randomBytes(16))).toThrow(RangeError);
  });
});
