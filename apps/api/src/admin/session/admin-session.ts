import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CookieOptions, Request } from 'express';

/** Name of the queue dashboard's session cookie. */
export const ADMIN_SESSION_COOKIE = 'zj_admin_session';

/** How long a dashboard session lasts: a working day; then the token is pasted again. */
export const ADMIN_SESSION_TTL_MS = 12 * 3_600_000;

/** Purpose string of the HMAC, so the session value cannot be mistaken for any other use of the token. */
const PURPOSE = 'zhengjian admin dashboard session v1';

/**
 * The session value of the dashboard cookie: `<expiry ms>.<hex HMAC-SHA256(ADMIN_TOKEN, purpose + expiry)>`. It is
 * derived from the token, never the token itself: a leaked cookie does not reveal the token, stops working at its
 * expiry, and every session ends when `ADMIN_TOKEN` is rotated. Stateless, so any api process can check it.
 */
export function adminSessionValue(adminToken: string, expiresAtMs: number): string {
  return `${expiresAtMs}.${mac(adminToken, expiresAtMs)}`;
}

/** Whether a cookie value is a session of this `ADMIN_TOKEN` that has not expired at `nowMs`. */
export function isAdminSession(value: unknown, adminToken: string, nowMs: number): boolean {
  if (typeof value !== 'string' || !adminToken) return false;
  const match = /^(\d{13,15})\.([0-9a-f]{64})$/.exec(value);
  if (!match) return false;
  const expiresAtMs = Number(match[1]);
  if (expiresAtMs <= nowMs || expiresAtMs > nowMs + ADMIN_SESSION_TTL_MS) return false;
  return timingSafeEqual(Buffer.from(match[2]!, 'hex'), Buffer.from(mac(adminToken, expiresAtMs), 'hex'));
}

/** The request's session cookie (parsed by `cookie-parser`, mounted on `/admin`). */
export function sessionCookieOf(req: Request): unknown {
  return (req.cookies as Record<string, unknown> | undefined)?.[ADMIN_SESSION_COOKIE];
}

/**
 * The cookie's attributes: HttpOnly (no script reads it), SameSite=Strict (never sent by another site's page, so the
 * dashboard's own API is not open to CSRF), Secure when the request came over https (behind a proxy: with
 * `TRUST_PROXY`), scoped to `/admin`. Only the dashboard honours it; the admin REST API wants the bearer token.
 */
export function sessionCookieOptions(req: Request): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/admin' };
}

function mac(adminToken: string, expiresAtMs: number): string {
  return createHmac('sha256', adminToken).update(`${PURPOSE}:${expiresAtMs}`).digest('hex');
}
