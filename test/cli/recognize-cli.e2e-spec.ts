import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';

const ROOT = resolve(__dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');

function outcome(run: SpawnSyncReturns<string>) {
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, lines: run.stdout.split('\n').filter(Boolean) };
}

/** Runs the CLI as a user would (`npm run --silent recognize -- …` runs exactly this). */
function cli(...args: string[]) {
  return outcome(spawnSync(TSX, ['apps/cli/src/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 }));
}

/** The `zhengjian` bin of package.json (what `npx zhengjian` and `npm link` run), from another working directory. */
function bin(cwd: string, ...args: string[]) {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  const script = join(ROOT, pkg.bin.zhengjian);
  return outcome(spawnSync(process.execPath, [script, ...args], { cwd, encoding: 'utf8', timeout: 240_000 }));
}

/** The `recognize` line of the README's Quick start, exactly as printed there. */
function quickStartCommand(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Quick start'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block.split('\n').find((line) => line.includes(' recognize ')) ?? '';
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
  it("prints nothing but JSON Lines on stdout for the README's quick start command", () => {
    const command = quickStartCommand();
    expect(command).toBe('npm run --silent recognize -- --card-type 2 samples/id-front.jpg');
    const run = outcome(spawnSync('sh', ['-c', command], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 }));
    expect(run.status).toBe(0);
    expect(run.stdout.endsWith('\n')).toBe(true);
    const envelopes = run.stdout
      .slice(0, -1)
      .split('\n')
      .map((line) => JSON.parse(line) as { error_code: number; result: Record<string, string> });
    expect(envelopes).toHaveLength(1);
    const { 头像: _portrait, ...fields } = envelopes[0].result;
    expect([envelopes[0].error_code, fields]).toEqual([0, FRONT]);
  }, 240_000);

  it('prints the version of package.json with --version', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const run = cli('--version');
    expect([run.status, run.stdout]).toEqual([0, `${version}\n`]);
  }, 60_000);

  it('leaves 头像 out with --no-portrait', () => {
    const run = cli('recognize', '--card-type', '2', '--no-portrait', 'samples/id-front.jpg');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.lines[0])).toEqual({ error_code: 0, reason: '操作成功', result: FRONT });
  }, 240_000);

  it("answers a directory's images sorted by name, skipping other entries with a note (through the bin)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhengjian-cli-'));
    try {
      copyFileSync(join(ROOT, 'samples/id-front.jpg'), join(dir, 'b-front.jpg'));
      copyFileSync(join(ROOT, 'samples/id-back.jpg'), join(dir, 'a-back.JPG'));
      copyFileSync(join(ROOT, 'samples/id-front-tilt.jpg'), join(dir, 'c-tilt.jpeg'));
      writeFileSync(join(dir, 'notes.txt'), 'not an image');
      mkdirSync(join(dir, 'nested'));
      const run = bin(dir, 'recognize', '--card-type', '101', '--no-portrait', '.');
      expect(run.status).toBe(0);
      const results = run.lines.map((l) => (JSON.parse(l) as { result: Record<string, string> }).result);
      expect(results.map((r) => r['证件类型'])).toEqual(['3', '2', '2']);
      expect(results.map((r) => r['头像'])).toEqual([undefined, undefined, undefined]);
      expect(run.stderr).toContain('recognize: skipped nested (not a file)\n');
      expect(run.stderr).toContain(
        'recognize: skipped notes.txt (not an image file name: .jpg, .jpeg, .png, .webp, .bmp)\n',
      );
      expect(run.stderr).toMatch(/\[3\/3\] c-tilt\.jpeg: error_code 0/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

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

  it('adds _crop with --crop: the card of the sample photo as an upright JPEG in ID-1 proportions', async () => {
    const run = cli('recognize', '--card-type', '3', '--crop', 'samples/id-back.jpg');
    expect(run.status).toBe(0);
    const { result } = JSON.parse(run.lines[0]) as { result: Record<string, string> };
    const { _crop: crop, ...fields } = result;
    expect(fields).toEqual(BACK);
    const meta = await sharp(Buffer.from(crop, 'base64')).metadata();
    expect(meta.format).toBe('jpeg');
    expect(Math.abs((meta.width ?? 0) / (meta.height ?? 1) - 85.6 / 53.98)).toBeLessThan(0.01);
  }, 240_000);

  it('exits 2 with a message and no output for usage errors', () => {
    const missingType = cli('recognize', 'samples/id-front.jpg');
    expect([missingType.status, missingType.stdout]).toEqual([2, '']);
    expect(missingType.stderr).toContain('--card-type');
    const missingFile = cli('recognize', '--card-type', '2', 'samples/nope.jpg');
    expect([missingFile.status, missingFile.stdout]).toEqual([2, '']);
    expect(missingFile.stderr).toContain('not a readable file or directory: samples/nope.jpg');
    const wordType = cli('recognize', '--card-type', 'two', 'samples/id-front.jpg');
    expect([wordType.status, wordType.stdout]).toEqual([2, '']);
    expect(wordType.stderr).toContain("error: option '-c, --card-type <n>' argument 'two' is invalid");
    const emptyDir = mkdtempSync(join(tmpdir(), 'zhengjian-cli-'));
    const noImages = cli('recognize', '--card-type', '2', emptyDir);
    rmSync(emptyDir, { recursive: true, force: true });
    expect([noImages.status, noImages.stdout]).toEqual([2, '']);
    expect(noImages.stderr).toBe(`error: no image files in ${emptyDir}\n`);
  }, 60_000);

  it('reads the VIN sample (cardType 1100) and the plate sample (cardType 19) as samples/README.md lists them', () => {
    const vin = cli('recognize', '--card-type', '1100', 'samples/vin.jpg');
    expect(vin.status).toBe(0);
    expect(JSON.parse(vin.lines[0])).toEqual({
      error_code: 0,
      reason: '操作成功',
      result: { vin: 'LFVJHV3X5KA135094' },
    });
    const plate = cli('recognize', '--card-type', '19', 'samples/plate.jpg');
    expect(plate.status).toBe(0);
    const envelope = JSON.parse(plate.lines[0]) as { error_code: number; result: Record<string, string> };
    // 整牌可信度, 亮度评价 and the plate position are measurements, not part of the sample's ground truth.
    const { 整牌可信度: _c, 亮度评价: _b, '车牌位置(left_top_right_bottom)': _p, ...fields } = envelope.result;
    expect([envelope.error_code, fields]).toEqual([
      0,
      { 车牌号: '藏A5J985', 车牌颜色: '1', 车牌类型: '1', 车牌运动方向: '0' },
    ]);
    expect(Object.keys(envelope.result)).toContain('车牌位置(left_top_right_bottom)');
  }, 240_000);

  it('answers 215303 for a numeric cardType outside the catalogue, as the HTTP API does', () => {
    const run = cli('recognize', '--card-type', '99', 'samples/id-front.jpg');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.lines[0])).toEqual({ error_code: 215303, reason: 'cardType error!', result: null });
  }, 60_000);
});
