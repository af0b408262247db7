import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { readFileSync } from 'node:fs';
import { manifest } from './src/manifest';
import { brandIcons } from './build/brand-icons/plugin';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
// LATCHKEY_VERSION lets the update test build a "newer" app without touching package.json.
const version = process.env.LATCHKEY_VERSION ?? pkg.version;

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    target: 'es2022',
    // Terser, not the default Oxc minifier: 0.15 kB gzip less eager JavaScript (19.86 against 20.01 kB, the budget is
    // 20), for about 10 s more per build (docs/performance.md, "Size").
    minify: 'terser',
    // No inline data: URLs for assets: the CSP allows only 'self' for scripts and styles.
    assetsInlineLimit: 0,
    // Every browser the es2022 target runs in preloads modules itself: the polyfill would be eager bytes for nothing.
    modulePreload: { polyfill: false },
    outDir: process.env.LATCHKEY_OUT_DIR ?? 'dist',
    // sync-frame.html: the sync relay, the one page allowed to reach the user's sync server (docs/sync.md).
    rollupOptions: { input: { index: 'index.html', 'sync-frame': 'sync-frame.html' } },
  },
  worker: { format: 'es' },
  plugins: [
    brandIcons(),
    VitePWA({
      // The app registers the worker itself through workbox-window (src/platform/sw-bridge.ts) so it can ask
      // before applying an update.
      injectRegister: false,
      registerType: 'prompt',
      // Our own worker (src/sw/sw.ts): generateSW cannot answer the share_target POST.
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      manifest,
      // public/ is matched by the globs below; listing icons again would only duplicate precache entries.
      includeManifestIcons: false,
      injectManifest: {
        // Every file the app can load, lazy chunks, workers and wasm included, so every screen works offline.
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,webmanifest,wasm,txt}'],
        // Store screenshots are only fetched by the browser's install dialog, online; no need to keep them.
        globIgnores: ['screenshots/**'],
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        // A classic script: module service workers are still missing in some browsers we support.
        rollupFormat: 'iife',
      },
    }),
  ],
});
