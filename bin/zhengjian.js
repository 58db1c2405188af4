#!/usr/bin/env node
'use strict';
/**
 * The `zhengjian` command (package.json `bin`): `npx zhengjian recognize …` in the repository, `zhengjian …` after
 * `npm link`. In a source checkout it runs the TypeScript sources through tsx, as `npm run recognize` does (no build
 * step, never a stale build); where only the compiled app exists (the Docker image) it runs `dist/`.
 */
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const source = join(root, 'apps/cli/src/main.ts');

function resolvable(id) {
  try {
    require.resolve(id);
    return true;
  } catch {
    return false;
  }
}

if (existsSync(source) && resolvable('tsx/cjs/api')) {
  // tsx reads the tsconfig (path aliases `@zhengjian/*`) from the working directory unless told where it is.
  process.env.TSX_TSCONFIG_PATH = join(root, 'tsconfig.json');
  require('tsx/cjs/api').register();
  require(source);
} else {
  require(join(root, 'dist/apps/cli/src/main.js'));
}
