import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/**
 * The layers of docs/architecture.md (rule 1), as zones: each folder may import only the folders its row of the
 * table names, and every other folder listed here is refused. A rule only in prose drifts; these fail `npm run lint`.
 * `sync-frame/` stands apart: it imports nothing, and only its relay messages are imported (by sw/ and platform/).
 */
const SRC_FOLDERS = ['core', 'crypto', 'vault', 'storage', 'formats', 'sync', 'lib', 'platform', 'app', 'ui', 'sw'];
const MAY_IMPORT = {
  core: { may: [], message: 'core/ is pure: it imports nothing else in src' },
  crypto: { may: ['core'], message: 'crypto/ imports only core/' },
  vault: { may: ['core', 'crypto'], message: 'vault/ imports only core/ and crypto/' },
  storage: { may: ['core', 'vault'], message: 'storage/ stores sealed records: it imports only core/ and vault/' },
  formats: {
    may: ['core', 'crypto'],
    message: 'formats/ is pure: bytes in, accounts out; it imports only core/ and crypto/',
  },
  sync: { may: ['core', 'crypto', 'vault', 'lib'], message: 'sync/ imports only core/, crypto/, vault/ and lib/' },
  lib: { may: [], message: 'lib/ holds generic helpers that import nothing else in src' },
  platform: {
    may: ['core', 'lib'],
    message: 'platform/ adapts browser features and takes callbacks: it imports only core/ and lib/',
  },
  app: {
    may: ['core', 'crypto', 'vault', 'storage', 'formats', 'sync', 'lib', 'platform'],
    message: 'app/ is the facade the UI calls; it never imports the UI',
  },
  ui: {
    may: ['app', 'platform', 'core', 'lib', 'formats'],
    message: 'ui/ has no crypto, no IndexedDB and no sync engine: go through app/',
  },
  sw: { may: [], message: 'The service worker imports nothing of the app' },
};
const LAYERS = Object.entries(MAY_IMPORT).map(([folder, { may, message }]) => ({
  target: `src/${folder}`,
  from: SRC_FOLDERS.filter((other) => other !== folder && !may.includes(other)).map((other) => `src/${other}`),
  message: `${message} (docs/architecture.md, rule 1).`,
}));

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
