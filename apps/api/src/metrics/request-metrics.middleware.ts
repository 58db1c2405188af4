import type { NextFunction, Request, Response } from 'express';
import type { ZhengjianMetrics } from '@zhengjian/metrics';

/** Label of requests that matched no route (unknown paths, bodies refused before routing on unknown paths). */
export const UNMATCHED = 'unmatched';

type Handler = (req: Request, res: Response, next: NextFunction) => void;

/**
 * Counts every HTTP request in `zhengjian_requests_total{endpoint,error_code}` when its response is finished.
 * Installed before the body parsers, so requests refused by them (215302) are counted too. `endpoint` is the
 * method and the matched route pattern (`GET /admin/orders/:orderid`, never the concrete path, which would carry
 * order ids); a request that matched no route uses its path only when it is one of `routePaths()` (e.g. an
 * over-size body on `/certificates/query`), else `unmatched`. `error_code` is the Juhe envelope's code, or
 * `http_<status>` for answers without one.
 *
 * @param routePaths the app's route paths (read lazily: routes are registered after this middleware).
 */
export function requestMetricsMiddleware(metrics: ZhengjianMetrics, routePaths: () => ReadonlySet<string>): Handler {
  return (req, res, next) => {
    let errorCode: string | undefined;
    const json = res.json.bind(res);
    res.json = (body?: unknown) => {
      const code = (body as { error_code?: unknown } | null | undefined)?.error_code;
      if (typeof code === 'number') errorCode = String(code);
      return json(body);
    };
    res.on('finish', () => {
      const endpoint = `${req.method} ${routeOf(req, routePaths)}`;
      metrics.requests.inc({ endpoint, error_code: errorCode ?? `http_${res.statusCode}` });
    });
    next();
  };
}

function routeOf(req: Request, routePaths: () => ReadonlySet<string>): string {
  const route = (req as Request & { route?: { path?: unknown } }).route;
  if (route && typeof route.path === 'string') return `${req.baseUrl}${route.path}`;
  const path = req.originalUrl.split('?')[0] ?? '';
  return routePaths().has(path) ? path : UNMATCHED;
}
