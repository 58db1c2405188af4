import { createHash, timingSafeEqual } from 'node:crypto';

/** The `Authorization` scheme of the admin endpoints. */
const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Whether an `Authorization` header carries `Bearer <ADMIN_TOKEN>`. Both sides are hashed to SHA-256 first so
 * that `timingSafeEqual` compares equal lengths and the time taken says nothing about the token, its length included.
 */
export function isAdminAuthorization(header: string | string[] | undefined, adminToken: string): boolean {
  const value = Array.isArray(header) ? header[0] : header;
  return isAdminToken(value ? BEARER.exec(value)?.[1] : undefined, adminToken);
}

/** Whether `presented` is the `ADMIN_TOKEN` (the dashboard's login form), compared as {@link isAdminAuthorization}. */
export function isAdminToken(presented: unknown, adminToken: string): boolean {
  if (typeof presented !== 'string' || presented === '' || !adminToken) return false;
  return timingSafeEqual(sha256(presented), sha256(adminToken));
}

/** The JSON body of a refused admin request (the same for a missing and a wrong token). */
export const ADMIN_UNAUTHORIZED_BODY = Object.freeze({
  statusCode: 401,
  error: 'Unauthorized',
  message: 'admin endpoints need Authorization: Bearer <ADMIN_TOKEN>',
});

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
