import request from 'supertest';
import { adminSessionValue } from '../../apps/api/src/admin/session/admin-session';
import { type RunningService, startService } from '../service/service.harness';

const COOKIE = 'zj_admin_session';
const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** Every `src`/`href` attribute value of an HTML page. */
function assetUrls(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href|action)\s*=\s*["']([^"']*)["']/gi)].map((m) => m[1]);
}

/** Whether a URL points to another origin: a scheme (`https:`, `data:` aside) or a protocol-relative `//host`. */
function isExternal(url: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url);
}

/** The `Set-Cookie` header of the session cookie, or undefined. */
function sessionSetCookie(res: request.Response): string | undefined {
  const header = res.headers['set-cookie'] as unknown as string[] | undefined;
  return header?.find((c) => c.startsWith(`${COOKIE}=`));
}

/**
 * The queue dashboard in a browser (api only): the login page where the admin token is pasted, the session cookie it
 * sets (HttpOnly, SameSite=Strict, Secure over https, a derived value and never the token), logout, the bearer token
 * still accepted, and a dashboard page that loads nothing from another origin.
 */
describe('queue dashboard sign-in (service)', () => {
  let service: RunningService;
  let token: string;

  beforeAll(async () => {
    service = await startService({}, { withWorker: false });
    token = service.config.adminToken;
  }, 120_000);

  afterAll(() => service?.close(), 60_000);

  const http = () => request(service.api.getHttpServer());
  const login = (value: string, proto = 'http') =>
    http().post('/admin/login').set('X-Forwarded-Proto', proto).type('form').send({ token: value });
  const cookieOf = (setCookie: string) => setCookie.split(';')[0];

  it('serves a dashboard page with the bearer token that loads nothing from another origin', async () => {
    const res = await http().get('/admin/queues').set('Authorization', `Bearer ${token}`).set('Accept', BROWSER);
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html');
    const urls = assetUrls(res.text);
    expect(urls).toEqual(expect.arrayContaining(['/admin/queues/', expect.stringMatching(/^static\/js\/main\./)]));
    expect(urls.filter(isExternal)).toEqual([]);
    expect(res.text).not.toContain('fonts.googleapis.com');
    // The assets it names are served here.
    const css = urls.find((u) => u.endsWith('.css'))!;
    const asset = await http().get(`/admin/queues/${css}`).set('Authorization', `Bearer ${token}`);
    expect([asset.status, asset.type]).toEqual([200, 'text/css']);
  });

  it('sends a browser without a session to the login page, and API calls get the 401 JSON', async () => {
    const page = await http().get('/admin/queues').set('Accept', BROWSER);
    expect([page.status, page.headers.location]).toEqual([303, '/admin/login']);
    const api = await http().get('/admin/queues/api/queues');
    expect([api.status, api.body.statusCode]).toEqual([401, 401]);
  });

  it('serves a self-contained login page with a form posting the token', async () => {
    const res = await http().get('/admin/login');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/html');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).toContain('<form method="post" action="/admin/login">');
    expect(res.text).toContain('name="token" type="password"');
    expect(assetUrls(res.text).filter(isExternal)).toEqual([]);
  });

  it('refuses a wrong token with the login page again, and sets no cookie', async () => {
    for (const wrong of ['wrong-token-0123456789', `${token}x`, '']) {
      const res = await login(wrong);
      expect([res.status, res.type, sessionSetCookie(res)]).toEqual([401, 'text/html', undefined]);
      expect(res.text).toContain('Wrong token.');
    }
  });

  it('signs in with the token: an HttpOnly, SameSite=Strict cookie holding a derived value, then the dashboard opens', async () => {
    const res = await login(token);
    expect([res.status, res.headers.location]).toEqual([303, '/admin/queues']);
    const setCookie = sessionSetCookie(res)!;
    expect(setCookie).toMatch(/; Path=\/admin; /);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).toMatch(/; Max-Age=43200;/);
    expect(setCookie).not.toMatch(/; Secure/);
    const value = decodeURIComponent(cookieOf(setCookie).slice(COOKIE.length + 1));
    expect(value).toMatch(/^\d{13}\.[0-9a-f]{64}$/);
    expect(value).not.toContain(token);

    const cookie = cookieOf(setCookie);
    const page = await http().get('/admin/queues').set('Cookie', cookie).set('Accept', BROWSER);
    expect([page.status, page.type]).toEqual([200, 'text/html']);
    const api = await http().get('/admin/queues/api/queues').set('Cookie', cookie);
    expect([api.status, api.type]).toEqual([200, 'application/json']);
    // The login page now offers the way out.
    expect((await http().get('/admin/login').set('Cookie', cookie)).text).toContain('action="/admin/logout"');
    // The cookie opens the dashboard only: the admin REST API still wants the bearer token.
    expect((await http().get('/admin/keys').set('Cookie', cookie)).status).toBe(401);
  });

  it('marks the cookie Secure when the request came over https', async () => {
    const res = await login(token, 'https');
    expect(sessionSetCookie(res)).toMatch(/; Secure/);
  });

  it('refuses a tampered, expired or foreign session value', async () => {
    const now = Date.now();
    const valid = adminSessionValue(token, now + 60_000);
    for (const value of [
      `${valid.slice(0, -1)}${valid.endsWith('0') ? '1' : '0'}`,
      adminSessionValue(token, now - 1),
      adminSessionValue('another-admin-token-0123', now + 60_000),
      // An expiry beyond the session's lifetime was not issued here.
      adminSessionValue(token, now + 30 * 86_400_000),
      token,
    ]) {
      const res = await http()
        .get('/admin/queues/api/queues')
        .set('Cookie', `${COOKIE}=${encodeURIComponent(value)}`);
      expect([value, res.status]).toEqual([value, 401]);
    }
  });

  it('logs out: the cookie is cleared and the browser goes back to the login page', async () => {
    const res = await http().post('/admin/logout');
    expect([res.status, res.headers.location]).toEqual([303, '/admin/login']);
    expect(sessionSetCookie(res)).toMatch(/^zj_admin_session=; Path=\/admin; Expires=Thu, 01 Jan 1970 00:00:00 GMT/);
  });
});
