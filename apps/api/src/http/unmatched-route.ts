import type { Request, Response } from 'express';

/**
 * How one API family answers a request to a path under its prefix that no route matched (Express's own page would
 * be HTML). Families register theirs under {@link UNMATCHED_ROUTE_ANSWERS}; the global filter only picks by prefix.
 */
export interface UnmatchedRouteAnswer {
  /** Path prefix of the family, e.g. `/v1` (matches `/v1` and `/v1/…`). */
  prefix: string;
  answer(req: Request, res: Response): void;
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
