import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/**
 * The layers of docs/architecture.md (rule 1), as zones: files in `target` may not import from `from`. A rule only
 * in prose drifts; these fail `npm run lint`.
 */
const LAYERS = [
  {
    target: 'src/core',
    from: [
      'src/crypto',
      'src/sync',
      'src/vault',
      'src/storage',
      'src/formats',
      'src/app',
      'src/lib',
      'src/platform',
      'src/ui',
      'src/sw',
    ],
    message: 'core/ is pure: it imports nothing else in src (docs/architecture.md, rule 1).',
  },
  {
    target: 'src/crypto',
    from: [
      'src/sync',
      'src/vault',
      'src/storage',
      'src/formats',
      'src/app',
      'src/lib',
      'src/platform',
      'src/ui',
      'src/sw',
    ],
    message: 'crypto/ imports only core/ (docs/architecture.md, rule 1).',
  },
  {
    target: 'src/vault',
    from: ['src/sync', 'src/storage', 'src/formats', 'src/app', 'src/lib', 'src/platform', 'src/ui', 'src/sw'],
    message: 'vault/ imports only core/ and crypto/ (docs/architecture.md, rule 1).',
  },
  {
    target: 'src/storage',
    from: ['src/sync', 'src/crypto', 'src/formats', 'src/app', 'src/lib', 'src/platform', 'src/ui', 'src/sw'],
    message: 'storage/ stores sealed records: it imports only core/ and vault/ (docs/architecture.md, rule 1).',
  },
  {
    target: 'src/formats',
    from: ['src/sync', 'src/vault', 'src/storage', 'src/app', 'src/lib', 'src/platform', 'src/ui', 'src/sw'],
    message: 'formats/ is pure: bytes in, accounts out; it never imports app, ui or platform (rule 1).',
  },
  {
    target: 'src/lib',
    from: [
      'src/sync',
      'src/core',
      'src/crypto',
      'src/vault',
      'src/storage',
      'src/formats',
      'src/app',
      'src/platform',
      'src/ui',
    ],
    message: 'lib/ holds generic helpers that import nothing else in src (docs/architecture.md, rule 1).',
  },
  {
    target: 'src/platform',
    from: ['src/sync', 'src/vault', 'src/storage', 'src/formats', 'src/app', 'src/ui', 'src/sw'],
    message: 'platform/ adapts browser features and takes callbacks: it never imports app or ui (rule 1).',
  },
  {
    target: 'src/sync',
    from: ['src/storage', 'src/formats', 'src/platform', 'src/app', 'src/ui', 'src/sw'],
    message: 'sync/ imports only core/, crypto/, vault/ and lib/ (docs/architecture.md, rule 1).',
  },
  {
    target: 'src/app',
    from: ['src/ui', 'src/sw'],
    message: 'app/ is the facade the UI calls; it never imports the UI (docs/architecture.md, rule 1).',
  },
  {
    target: 'src/ui',
    from: ['src/crypto', 'src/vault', 'src/storage', 'src/sync', 'src/sw'],
    message: 'ui/ has no crypto, no IndexedDB and no sync engine: go through app/ (docs/architecture.md, rule 1).',
  },
  {
    target: 'src/sw',
    from: [
      'src/core',
      'src/sync',
      'src/crypto',
      'src/vault',
      'src/storage',
      'src/formats',
      'src/app',
      'src/platform',
      'src/ui',
    ],
    message: 'The service worker imports nothing of the app (docs/architecture.md, rule 1).',
  },
];

/** The first screen loads src/ui/shell; every feature folder is a lazy chunk (rule 7). */
const FEATURE_FOLDERS = ['list', 'accounts', 'qr', 'settings', 'unlocked', 'sync'];

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
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.node.json' })],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      'import-x/no-restricted-paths': ['error', { zones: LAYERS }],
      // Counts dynamic imports too: a lazy chunk that imports its loader back is still a knot.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^hash-wasm(/.*)?$',
              message: 'Only src/crypto/hash-wasm.ts imports hash-wasm (docs/architecture.md, rule 9).',
            },
            {
              regex: '^@noble/ciphers(/.*)?$',
              message: 'Only src/crypto/secretstream.ts imports @noble/ciphers (docs/architecture.md, rule 9).',
            },
          ],
        },
      ],
    },
  },
  { files: ['src/crypto/hash-wasm.ts', 'src/crypto/secretstream.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'idb', message: 'ui/ has no IndexedDB: go through app/ (docs/architecture.md, rule 1).' }],
          patterns: [{ regex: '^(hash-wasm|@noble/.*)(/.*)?$', message: 'ui/ has no crypto (rule 1).' }],
        },
      ],
    },
  },
  {
    files: ['src/ui/shell/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'idb', message: 'ui/ has no IndexedDB: go through app/ (docs/architecture.md, rule 1).' }],
          patterns: [
            { regex: '^(hash-wasm|@noble/.*)(/.*)?$', message: 'ui/ has no crypto (rule 1).' },
            {
              group: FEATURE_FOLDERS.map((folder) => `../${folder}/*`),
              allowTypeImports: true,
              message:
                'The shell is the first screen: load feature folders with import() (docs/architecture.md, rule 7).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**', 'bench/**', '.ci/**', '*.config.*'],
    rules: { 'no-console': 'off' },
  },
);
