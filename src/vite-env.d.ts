/// <reference types="vite/client" />
declare const __APP_VERSION__: string;

/** The shipped brand icons (build/brand-icons/plugin.ts), as app/icons/catalog.ts's PackedBrandIcon. */
declare module 'virtual:brand-icons' {
  const icons: [slug: string, title: string, hex: string, path: string, aliases?: string[]][];
  export default icons;
}
