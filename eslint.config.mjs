// ESLint flat config: typed rules that catch floating promises and non-exhaustive switches (CONVENTIONS.md), and
// regular expressions whose cost is super-linear in their input (eslint-plugin-regexp).
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import regexpPlugin from 'eslint-plugin-regexp';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.fixtures/**', '*.js', '*.mjs', 'bin/*.js'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  // Regular expressions run on request input: super-linear backtracking would let one request stall the event loop.
  regexpPlugin.configs['flat/recommended'],
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      // `[A-Za-z0-9+/]` names the Base64 alphabet as its RFC prints it; the `i` flag would hide that.
      'regexp/use-ignore-case': 'off',
    },
  },
);
