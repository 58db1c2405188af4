import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import sharp from 'sharp';

const ROOT = resolve(__dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');

/** Runs the CLI as a user would (`npm run recognize -- …` runs exactly this). */
function cli(...args: string[]) {
  const run = spawnSync(TSX, ['apps/cli/src/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, lines: run.stdout.split('\n').filter(Boolean) };
}

/** Ground truth of the bundled samples (samples/README.md; an invented person). */
const FRONT = {
  保留: '',
  姓名: '石帆',
  性别: '男',
  民族: '汉',
  出生: '1974-03-12',
  住址: '上海市徐汇区青年路206号融侨公寓12栋5单元2603室',
  公民身份号码: '31010419740312117X',
};
const BACK = {
  保留: '',
  签发机关: '上海市公安局徐汇分局',
  有效期限: '2016.11.06-2036.11.06',
  签发日期: '2016-11-06',
  有效期至: '2036-11-06',
};

describe('npm run recognize (the CLI)', () => {
  it("prints the front sample's six fields and a decodable JPEG portrait (cardType 2)", async () => {
    const run = cli('recognize', '--card-type', '2', 'samples/id-front.jpg');
    expect(run.status).toBe(0);
    expect(run.lines).toHaveLength(1);
    const envelope = JSON.parse(run.lines[0]) as { error_code: number; reason: string; result: Record<string, string> };
    const { 头像: portrait, ...fields } = envelope.result;
    expect([envelope.error_code, envelope.reason]).toEqual([0, '操作成功']);
    expect(fields).toEqual(FRONT);
    expect(Object.keys(envelope.result)).toEqual([...Object.keys(FRONT), '头像']);
    const meta = await sharp(Buffer.from(portrait, 'base64')).metadata();
    expect(meta.format).toBe('jpeg');
  }, 240_000);

  it("prints the back sample's fields (cardType 3)", () => {
    const run = cli('recognize', '--card-type', '3', 'samples/id-back.jpg');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.lines[0])).toEqual({ error_code: 0, reason: '操作成功', result: BACK });
  }, 240_000);

  it('answers files in input order with 101, each with 证件类型, and reports progress on stderr', () => {
    const run = cli(
      'recognize',
      '--card-type',
      '101',
      'samples/id-back.jpg',
      'samples/id-front-rot90.jpg',
      'samples/id-front-tilt.jpg',
    );
    expect(run.status).toBe(0);
    const results = run.lines.map((l) => (JSON.parse(l) as { result: Record<string, string> }).result);
    expect(results.map((r) => r['证件类型'])).toEqual(['3', '2', '2']);
    const { 头像: _p1, 证件类型: _t1, ...rot90 } = results[1];
    expect(rot90).toEqual(FRONT);
    expect(run.stderr).toMatch(/\[3\/3\] id-front-tilt\.jpg: error_code 0/);
  }, 240_000);

  it('adds _detail with --detail', () => {
    const run = cli('recognize', '--card-type', '3', '--detail', 'samples/id-back.jpg');
    const detail = (
      JSON.parse(run.lines[0]) as {
        result: { _detail: { fields: Record<string, { confidence: number }>; warnings: string[] } };
      }
    ).result._detail;
    expect(Object.keys(detail.fields)).toEqual(['签发机关', '有效期限', '签发日期', '有效期至']);
    expect(detail.fields['签发机关'].confidence).toBeGreaterThan(0.5);
    expect(detail.warnings).toEqual([]);
  }, 240_000);

  it('exits 2 with a message and no output for usage errors', () => {
    const missingType = cli('recognize', 'samples/id-front.jpg');
    expect([missingType.status, missingType.stdout]).toEqual([2, '']);
    expect(missingType.stderr).toContain('--card-type');
    const missingFile = cli('recognize', '--card-type', '2', 'samples/nope.jpg');
    expect([missingFile.status, missingFile.stdout]).toEqual([2, '']);
    expect(missingFile.stderr).toContain('not a readable file: samples/nope.jpg');
  }, 60_000);

  it('answers 215303 for a cardType outside the catalogue, as the HTTP API does', () => {
    const run = cli('recognize', '--card-type', 'two', 'samples/id-front.jpg');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.lines[0])).toMatchObject({ error_code: 215303, result: null });
  }, 60_000);
});
