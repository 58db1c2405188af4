/** A mistake in the command line or the environment: reported on stderr without a stack, exit code 2. */
export class UsageError extends Error {}
