import { join } from 'node:path';
import { EngineProcessPool } from './engine-process-pool';

const SCRIPTED = join(__dirname, '..', 'testing', 'scripted-engine.ts');
const command = (text: string) => Buffer.from(text, 'utf8');

// Each engine process is a Node process loading TypeScript through tsx: seconds to start on a busy machine.
jest.setTimeout(120_000);

describe(EngineProcessPool.name, () => {
  let pool: EngineProcessPool | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('answers a hanging recognition with 215307 after the time limit, kills its process and serves the next job', async () => {
    pool = await EngineProcessPool.start({ size: 1, timeoutMs: 1_500, recycleAfterJobs: 0, engineModule: SCRIPTED });
    const [first] = pool.pids();
    const hung = await pool.recognize(2, command('hang'));
    expect([hung.errorCode, hung.reason, hung.fields, hung.failureDetail, hung.provider]).toEqual([
      215307,
      '图片上传发生错误',
      null,
      'recognition exceeded 1500 ms (RECOGNITION_TIMEOUT_MS)',
      'local',
    ]);
    const next = await pool.recognize(2, command('hello'));
    expect(next.errorCode).toBe(0);
    expect(next.fields?.echo).toBe('hello');
    expect(Number(next.fields?.pid)).not.toBe(first);
    expect(pool.started).toBe(2);
  });

  it('answers an engine that throws with 10014 and keeps the process', async () => {
    pool = await EngineProcessPool.start({ size: 1, timeoutMs: 60_000, recycleAfterJobs: 0, engineModule: SCRIPTED });
    const [pid] = pool.pids();
    const threw = await pool.recognize(3, command('throw'));
    expect([threw.errorCode, threw.failureDetail, threw.fields]).toEqual([10014, 'the engine threw TypeError', null]);
    const next = await pool.recognize(3, command('after'));
    expect([next.errorCode, next.fields?.pid, pool.started]).toEqual([0, String(pid), 1]);
  });

  it('answers a recognition whose process crashes with 215307 and replaces the process', async () => {
    pool = await EngineProcessPool.start({ size: 1, timeoutMs: 60_000, recycleAfterJobs: 0, engineModule: SCRIPTED });
    const crashed = await pool.recognize(2, command('crash'));
    expect([crashed.errorCode, crashed.failureDetail]).toEqual([215307, 'the engine process died (signal SIGSEGV)']);
    const next = await pool.recognize(2, command('after'));
    expect([next.errorCode, next.fields?.echo, pool.started]).toEqual([0, 'after', 2]);
  });

  it('recycles a process after ENGINE_RECYCLE_AFTER_JOBS recognitions without dropping a queued job', async () => {
    pool = await EngineProcessPool.start({ size: 1, timeoutMs: 60_000, recycleAfterJobs: 2, engineModule: SCRIPTED });
    const reports = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((t) => pool!.recognize(2, command(t))));
    expect(reports.map((r) => [r.errorCode, r.fields?.echo])).toEqual([
      [0, 'a'],
      [0, 'b'],
      [0, 'c'],
      [0, 'd'],
      [0, 'e'],
    ]);
    const pids = reports.map((r) => r.fields?.pid);
    expect([pids[0] === pids[1], pids[1] === pids[2], pids[2] === pids[3], pids[3] === pids[4]]).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect(new Set(pids).size).toBe(3);
  });

  it('finishes the job in flight when its engine process gets SIGINT (Ctrl-C reaches the whole process group)', async () => {
    pool = await EngineProcessPool.start({ size: 1, timeoutMs: 60_000, recycleAfterJobs: 0, engineModule: SCRIPTED });
    const [pid] = pool.pids();
    const running = pool.recognize(2, command('sleep'));
    process.kill(pid, 'SIGINT');
    const report = await running;
    expect([report.errorCode, report.fields?.echo, report.fields?.pid, pool.started]).toEqual([
      0,
      'sleep',
      String(pid),
      1,
    ]);
  });

  it('runs recognitions of different processes side by side: a hang in one does not fail the other', async () => {
    pool = await EngineProcessPool.start({ size: 2, timeoutMs: 3_000, recycleAfterJobs: 0, engineModule: SCRIPTED });
    const [hung, fine] = await Promise.all([pool.recognize(2, command('hang')), pool.recognize(2, command('fine'))]);
    expect([hung.errorCode, fine.errorCode, fine.fields?.echo]).toEqual([215307, 0, 'fine']);
  });
});
