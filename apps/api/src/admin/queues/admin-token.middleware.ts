import type { NextFunction, Request, Response } from 'express';
import { ADMIN_UNAUTHORIZED_BODY, isAdminAuthorization } from '../admin-token';

/**
 * Express middleware with the `AdminGuard`'s rule, for what is mounted outside Nest's router (the bull-board
 * dashboard at `/admin/queues`): `Authorization: Bearer <ADMIN_TOKEN>` or a 401 with the same JSON body.
 */
export function adminTokenMiddleware(adminToken: string): (req: Request, res: Response, next: NextFunction) => void {
  return (req, res, next) => {
    if (isAdminAuthorization(req.headers.authorization, adminToken)) {
      next();
      return;
    }
    res.status(401).json(ADMIN_UNAUTHORIZED_BODY);
  };
}
