import type { UnmatchedRouteAnswer } from '../http/unmatched-route';
import { AsyncApiError, AsyncApiErrorCode } from './async-api.error';

/**
 * Every `/v1` path and method no route serves: 404 with the async API's envelope (215406, the method and path
 * without the query string in the reason), as its other errors are, instead of a plain or HTML 404.
 */
export const UNMATCHED_V1_ROUTE: UnmatchedRouteAnswer = {
  prefix: '/v1',
  answer(req, res) {
    const error = new AsyncApiError(AsyncApiErrorCode.RouteNotFound, `${req.method} ${req.path}`);
    res.status(error.httpStatus).json({ error_code: error.code, reason: error.reason, result: null });
  },
};
