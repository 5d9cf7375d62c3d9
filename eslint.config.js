// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '.puppeteerrc.cjs',
      '.output/**',
      '.wxt/**',
      '.tools/**',
      'node_modules/**',
      'bench/results/**',
      '.demo/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Page and network data must never become markup or code (README: security).
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM nodes; never parse page or network data as HTML.' },
        { property: 'outerHTML', message: 'Build DOM nodes; never parse page or network data as HTML.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM nodes; never parse page or network data as HTML.' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // Dependencies point one way: the engine imports nothing of ours but its own files.
    files: ['src/health/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../*', 'node:*', 'wxt/*', '#imports'],
              message: 'src/health is pure: no Node, no extension API, no other room of ours.',
            },
          ],
        },
      ],
    },
  },
  {
    // A folder inside the engine (src/health/archives) reaches the engine's own files one level up, and no further.
    files: ['src/health/*/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../../*', 'node:*', 'wxt/*', '#imports'],
              message: 'src/health is pure: no Node, no extension API, no other room of ours.',
            },
          ],
        },
      ],
    },
  },
);
