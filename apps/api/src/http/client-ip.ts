import type { Request } from 'express';

/** The client address Express computed (`X-Forwarded-For` only when `TRUST_PROXY=true`). */
export function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
