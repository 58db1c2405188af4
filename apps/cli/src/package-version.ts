import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The `version` of zhengjian's package.json, found by walking up from this file: it sits three folders up in the
 * sources (`apps/cli/src`) and four in the build (`dist/apps/cli/src`).
 *
 * @throws Error when no package.json named `zhengjian` is above this file.
 */
export function packageVersion(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'zhengjian' && pkg.version) return pkg.version;
    } catch {
      // No (readable) package.json here: keep walking up.
    }
    if (dirname(dir) === dir) throw new Error('package.json of zhengjian not found');
  }
}
