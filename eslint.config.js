import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', '.cache', 'test-results', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Secrets must never reach logs: console is reserved for tests and scripts.
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Data never goes through innerHTML.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM nodes; never put data in innerHTML.' },
        { property: 'outerHTML', message: 'Build DOM nodes; never put data in outerHTML.' },
      ],
    },
  },
  {
    files: ['test/**', 'bench/**', '.ci/**', '*.config.*'],
    rules: { 'no-console': 'off' },
  },
);
