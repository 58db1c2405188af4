import type { NextFunction, Request, Response } from 'express';
import { ADMIN_UNAUTHORIZED_BODY, isAdminAuthorization } from '../admin-token';
import { isAdminSession, sessionCookieOf } from '../session/admin-session';

/**
 * Express middleware for what is mounted outside Nest's router (the bull-board dashboard at `/admin/queues`): lets
 * through `Authorization: Bearer <ADMIN_TOKEN>` (as the `AdminGuard`) or the dashboard's session cookie (set by
 * `POST /admin/login`). Otherwise a browser navigating to a page (`Accept: text/html`) is sent to the login page
 * (303); anything else gets the admin API's 401 JSON.
 */
export function adminTokenMiddleware(adminToken: string): (req: Request, res: Response, next: NextFunction) => void {
  return (req, res, next) => {
    if (
      isAdminAuthorization(req.headers.authorization, adminToken) ||
      isAdminSession(sessionCookieOf(req), adminToken, Date.now())
    ) {
      next();
      return;
    }
    if (req.method === 'GET' && (req.headers.accept ?? '').includes('text/html')) {
      res.redirect(303, '/admin/login');
      return;
    }
    res.status(401).json(ADMIN_UNAUTHORIZED_BODY);
  };
}
