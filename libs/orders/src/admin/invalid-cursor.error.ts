/** A `cursor` query parameter that is not one this service issued (or is damaged): the admin API answers 400. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';

  constructor() {
    super('cursor is not valid: pass back the nextCursor of a previous page unchanged');
  }
}
