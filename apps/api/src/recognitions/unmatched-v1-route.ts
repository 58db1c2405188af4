import type { UnmatchedRouteAnswer } from '../http/unmatched-route';
import { AsyncApiError, AsyncApiErrorCode } from './async-api.error';

/**
 * Every `/v1` path and method no route serves: 404 with the async API's envelope (215406, the method and path
 * without the query string in the reason), as its other errors are, instead of a plain or HTML 404. A path that cannot
 * be percent-decoded is the 404 of an order that does not exist (the only parameter there is an orderid, and no
 * order has an id that is not valid text).
 */
export const UNMATCHED_V1_ROUTE: UnmatchedRouteAnswer = {
  prefix: '/v1',
  answer(req, res) {
    const error = new AsyncApiError(AsyncApiErrorCode.RouteNotFound, `${req.method} ${req.path}`);
    res.status(error.httpStatus).json({ error_code: error.code, reason: error.reason, result: null });
  },
  malformedPath(_req, res) {
    const error = new AsyncApiError(AsyncApiErrorCode.OrderNotFound);
    res.status(error.httpStatus).json({ error_code: error.code, reason: error.reason, result: null });
  },
};
