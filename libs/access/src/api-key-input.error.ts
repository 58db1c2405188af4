/**
 * Invalid input to `ApiKeysService` (an empty name, a negative quota, an unknown cardType…). The CLI prints it as a
 * usage error (exit code 2); an admin endpoint maps it to a 400.
 */
export class ApiKeyInputError extends Error {
  override readonly name = 'ApiKeyInputError';
}
