import type { UnmatchedRouteAnswer } from '../http/unmatched-route';

/** `/admin` paths that cannot be percent-decoded: a plain REST 400 in the admin API's error shape. */
export const UNMATCHED_ADMIN_ROUTE: UnmatchedRouteAnswer = {
  prefix: '/admin',
  malformedPath(_req, res) {
    const message = ['malformed percent-encoding in the path'];
    res.status(400).json({ statusCode: 400, error: 'Bad Request', message });
  },
};
