import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecognitionService } from '@zhengjian/recognition';
import { toEnvelope } from '@zhengjian/recognition';
import { localService, pick } from './engine';

/** What is printed on the invented card of `data/jpeg-without-eoi.jpg`. */
const PRINTED = {
  姓名: '韩晓东',
  性别: '男',
  民族: '汉',
  出生: '1986-07-14',
  住址: '浙江省杭州市西湖区文三路188号',
  公民身份号码: '330106198607143312',
};

/** JPEGs as phones write them: without the final EOI marker (decoded as viewers do), or really cut short (215307). */
describe('phone JPEGs', () => {
  let service: RecognitionService;
  beforeAll(async () => {
    service = await localService();
  }, 120_000);

  const recognize = async (bytes: Buffer) => {
    const envelope = toEnvelope(await service.recognize(2, bytes));
    return {
      error_code: envelope.error_code,
      fields: pick(envelope.result as Record<string, string> | null, PRINTED),
    };
  };

  it('reads a JPEG without its EOI marker: every printed field', async () => {
    const withoutEoi = readFileSync(join(__dirname, 'data', 'jpeg-without-eoi.jpg'));
    expect([...withoutEoi.subarray(-2)]).not.toEqual([0xff, 0xd9]);
    expect(await recognize(withoutEoi)).toEqual({ error_code: 0, fields: PRINTED });
  }, 120_000);

  it('answers 215307 for the same file cut in the middle of its scan', async () => {
    const withoutEoi = readFileSync(join(__dirname, 'data', 'jpeg-without-eoi.jpg'));
    const cut = withoutEoi.subarray(0, Math.floor(withoutEoi.length * 0.7));
    expect((await recognize(cut)).error_code).toBe(215307);
  });

  it('answers 215307, not the billed 215305, for a JPEG whose header announces more rows than its data', async () => {
    const sample = readFileSync(join(__dirname, '..', '..', 'samples', 'id-front.jpg'));
    const sof = [0xc0, 0xc1, 0xc2].map((m) => sample.indexOf(Buffer.from([0xff, m]))).find((i) => i > 0)!;
    const taller = Buffer.from(sample);
    taller.writeUInt16BE(taller.readUInt16BE(sof + 5) * 2, sof + 5);
    expect((await recognize(taller)).error_code).toBe(215307);
  });
});
