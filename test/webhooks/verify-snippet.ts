import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The signature check of the README, exactly as documented. */
export type VerifySignature = (
  rawBody: Buffer | string,
  headers: Record<string, unknown>,
  secret: string,
  toleranceSeconds?: number,
) => boolean;

/**
 * Loads the first JavaScript block of the README (the receiver snippet) and returns its `verifyZhengjianSignature`,
 * so the tests verify real deliveries with the very code integrators copy from it.
 */
export function loadVerifySnippet(): VerifySignature {
  const markdown = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const code = /```js\n([\s\S]*?)```/.exec(markdown)?.[1];
  if (!code) throw new Error('README.md has no ```js block');
  // The snippet is the subject under test: it runs exactly as written in the README.
  const factory = new Function('require', `${code}\nreturn verifyZhengjianSignature;`) as (
    req: NodeJS.Require,
  ) => VerifySignature;
  return factory(require);
}
