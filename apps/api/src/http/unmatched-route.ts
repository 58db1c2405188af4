import type { Request, Response } from 'express';

/**
 * How one API family answers a request under its prefix that never reached a route: a path no route matched
 * (Express's own page would be HTML), or a path Express cannot percent-decode (`%ZZ`: the router fails before any
 * route). Families register theirs under {@link UNMATCHED_ROUTE_ANSWERS}; the global filter only picks by prefix and
 * falls back to a plain 404/400 for what a family does not answer.
 */
export interface UnmatchedRouteAnswer {
  /** Path prefix of the family, e.g. `/v1` (matches `/v1` and `/v1/…`). */
  prefix: string;
  answer?(req: Request, res: Response): void;
  malformedPath?(req: Request, res: Response): void;
}

/** Injection token of the `UnmatchedRouteAnswer[]` of the app's API families. */
export const UNMATCHED_ROUTE_ANSWERS = Symbol('UNMATCHED_ROUTE_ANSWERS');

/** The answer registered for the request's path, if any. */
export function unmatchedRouteAnswerFor(
  answers: readonly UnmatchedRouteAnswer[],
  path: string,
): UnmatchedRouteAnswer | undefined {
  return answers.find((a) => path === a.prefix || path.startsWith(`${a.prefix}/`));
}
