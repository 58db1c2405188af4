import { JuheSimulator } from './juhe-simulator';

/** The simulator itself behaves as the seed documents, so tests against it test against the contract. */
describe(JuheSimulator.name, () => {
  const sim = new JuheSimulator(['k']);
  const image = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
  const post = (path: string, body: FormData | URLSearchParams) =>
    fetch(`${sim.baseUrl}${path}`, { method: 'POST', body }).then((r) => r.json() as Promise<Record<string, unknown>>);
  const multipart = (fields: Record<string, string>, pic?: Buffer) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    if (pic) form.set('pic', new Blob([new Uint8Array(pic)], { type: 'image/jpeg' }), 'a.jpg');
    return form;
  };

  beforeAll(async () => {
    await sim.start();
    sim.addFixture(image, { 姓名: '测试', 公民身份号码: '11010519491231002X' });
  });
  afterAll(() => sim.stop());

  it('answers 215301 to GET', async () => {
    const response = await fetch(`${sim.baseUrl}/certificates/query.php?key=k&cardType=2`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ error_code: 215301, reason: '不支持GET请求', result: null });
  });

  it('answers 10001, 215303 and 215306 in the seed order of checks', async () => {
    expect(await post('/certificates/query', multipart({ key: 'x', cardType: '99' }))).toMatchObject({
      error_code: 10001,
    });
    expect(await post('/certificates/query', multipart({ key: 'k', cardType: '19' }, image))).toMatchObject({
      error_code: 215303,
    });
    expect(await post('/certificates/query', multipart({ key: 'k', cardType: '2' }))).toMatchObject({
      error_code: 215306,
    });
  });

  it('answers the seed example keys for a fixture image on both paths and their .php forms', async () => {
    const base64 = new URLSearchParams({ key: 'k', cardType: '2', base64: image.toString('base64'), orderid: '1' });
    for (const answer of [
      await post('/certificates/query.php', multipart({ key: 'k', cardType: '2', userid: 'u-1' }, image)),
      await post('/certificates/queryBase64.php', base64),
    ]) {
      expect(answer).toMatchObject({ error_code: 0, reason: '操作成功' });
      const result = answer.result as Record<string, string>;
      expect(result).toMatchObject({ 姓名: '测试', 公民身份号码: '11010519491231002X', 民族: '' });
      expect(Object.keys(result).slice(0, 8)).toEqual([
        '住址',
        '保留',
        '公民身份号码',
        '出生',
        '头像',
        '姓名',
        '性别',
        '民族',
      ]);
    }
    expect(sim.requests.at(-1)).toMatchObject({ path: '/certificates/queryBase64.php', key: 'k', cardType: '2' });
  });

  it('answers 215305 to images it has no fixture for, and to other card types', async () => {
    expect(
      await post('/certificates/query', multipart({ key: 'k', cardType: '2' }, Buffer.from('other'))),
    ).toMatchObject({
      error_code: 215305,
    });
    expect(await post('/certificates/query', multipart({ key: 'k', cardType: '3' }, image))).toMatchObject({
      error_code: 215305,
    });
  });

  it('refuses connections while down and answers again on the same port afterwards', async () => {
    const url = sim.baseUrl;
    await sim.down();
    await expect(fetch(`${url}/certificates/query`, { method: 'POST' })).rejects.toThrow();
    await sim.normal();
    expect(sim.baseUrl).toBe(url);
    expect(await post('/certificates/query', multipart({ key: 'k', cardType: '2' }, image))).toMatchObject({
      error_code: 0,
    });
  });
});
