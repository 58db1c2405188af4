import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecognitionService } from '@zhengjian/recognition';
import { localService } from './engine';

/** Invented specimens from the team's cases (see cases/README.md): each one's printed value is the expected one. */
const CASES = join(__dirname, 'cases');
const read = (file: string) => readFile(join(CASES, file));

describe('recognition cases that once failed', () => {
  let service: RecognitionService;
  beforeAll(async () => {
    service = await localService();
  }, 120_000);

  it('keeps 襄樊, the city name of the year the card was issued, in the address of a front', async () => {
    const report = await service.recognize(2, await read('historic-place-front.png'), { detail: true });
    expect(report.errorCode).toBe(0);
    expect(report.fields).toMatchObject({
      住址: '湖北省襄樊市樊城区人民路35号',
      公民身份号码: '420606196810023519',
    });
    expect(report.detail?.warnings).toEqual([]);
  }, 60_000);

  it('keeps 襄樊 in the issuing authority of a back', async () => {
    const report = await service.recognize(3, await read('historic-place-back.png'));
    expect(report.errorCode).toBe(0);
    expect(report.fields).toMatchObject({ 签发机关: '襄樊市公安局樊城分局', 有效期限: '2008.06.12-长期' });
  }, 60_000);

  it('reads 民族 汉, a lone glyph the detector found no box for, from the region where it must be', async () => {
    const report = await service.recognize(2, await read('single-glyph-ethnicity.png'), { detail: true });
    expect(report.errorCode).toBe(0);
    expect(report.fields?.['民族']).toBe('汉');
    expect(report.detail?.warnings).not.toContain('field_missing');
  }, 60_000);

  it('warns uncertain_characters with a confidence under 0.9 when a name character is not in the dictionary', async () => {
    // 姓名 is printed 周赟; 赟 is not among the recognition model's 6623 characters and vanishes from the text.
    const report = await service.recognize(2, await read('rare-character-name.png'), { detail: true });
    expect(report.errorCode).toBe(0);
    expect(report.detail?.warnings).toContain('uncertain_characters');
    expect(report.detail?.fields['姓名'].confidence).toBeLessThan(0.9);
    expect(report.detail?.fields['公民身份号码'].confidence).toBeGreaterThanOrEqual(0.9);
  }, 60_000);
});
