/**
 * `import('virtual:brand-icons')`: the shipped brand icons (data.ts) as a module of their own, so that Vite makes
 * it a lazy chunk of its own, loaded after the first screen is drawn and precached by the service worker like
 * every other chunk (docs/architecture.md, rule 7). JSON.parse of a string parses faster than an object literal.
 */
import type { Plugin } from 'vite';
import { shippedBrandIcons } from './data';

const ID = 'virtual:brand-icons';
const RESOLVED = `\0${ID}`;

export function brandIcons(): Plugin {
  return {
    name: 'latchkey-brand-icons',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    async load(id) {
      if (id !== RESOLVED) return null;
      const { icons } = await shippedBrandIcons();
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(icons))});\n`;
    },
  };
}
