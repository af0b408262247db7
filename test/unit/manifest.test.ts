import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLOURS, manifest } from '../../src/manifest';

const repo = new URL('../../', import.meta.url);

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
function pngSize(bytes: Buffer): string | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}
const publicFile = (src: string) => readFileSync(new URL(`public${src}`, repo));

describe('the web app manifest', () => {
  it.each([
    ['name', 'Latchkey Authenticator'],
    ['short_name', 'Latchkey'],
    ['id', '/'],
    ['start_url', '/'],
    ['scope', '/'],
    ['display', 'standalone'],
    ['theme_color', COLOURS.light.theme],
    ['background_color', COLOURS.light.background],
  ] as const)('%s is %s', (field, value) => {
    expect(manifest[field]).toBe(value);
  });

  it('has a description a store listing can show', () => {
    expect(manifest.description.length).toBeGreaterThan(30);
    expect(manifest.short_name.length).toBeLessThanOrEqual(12); // launchers truncate longer labels
  });

  it.each([
    ['any', 'image/png', '192x192'],
    ['any', 'image/png', '512x512'],
    ['maskable', 'image/png', '512x512'],
    ['any', 'image/svg+xml', 'any'],
  ])('has a %s %s icon of %s', (purpose, type, sizes) => {
    expect(manifest.icons).toContainEqual(expect.objectContaining({ purpose, type, sizes }));
  });

  it.each([...manifest.icons, ...manifest.screenshots].filter((image) => image.type === 'image/png'))(
    '$src is a committed PNG of $sizes',
    ({ src, sizes }) => {
      expect(pngSize(publicFile(src))).toBe(sizes);
    },
  );

  it('keeps the SVG icon as the single source every PNG is drawn from', () => {
    const svg = publicFile('/icon.svg').toString('utf8');
    expect(svg).toContain('id="glyph"'); // make-icons.mjs shrinks it into the maskable safe zone
    expect(svg).toContain('id="background"');
  });

  it.each(['narrow', 'wide'] as const)('has a %s screenshot shaped for its form factor', (formFactor) => {
    const shot = manifest.screenshots.find((s) => s.form_factor === formFactor)!;
    const [width, height] = shot.sizes.split('x').map(Number) as [number, number];
    expect(formFactor === 'narrow' ? height > width : width > height).toBe(true);
    expect(shot.label).toBeTruthy();
  });

  it.each([
    ['Scan QR code', '/?action=scan'],
    ['Add account', '/?action=add'],
  ])('has the shortcut %s to %s', (name, url) => {
    expect(manifest.shortcuts).toContainEqual(expect.objectContaining({ name, url }));
  });

  it('claims web+otpauth links and sends them to the add screen, in the fragment (never to a server)', () => {
    expect(manifest.protocol_handlers).toEqual([{ protocol: 'web+otpauth', url: '/#add=%s' }]);
  });

  it('receives shared images by a multipart POST', () => {
    expect(manifest.share_target).toEqual({
      action: '/share-target',
      method: 'POST',
      enctype: 'multipart/form-data',
      params: { files: [{ name: 'image', accept: ['image/*'] }] },
    });
  });
});

describe('index.html and the manifest agree', () => {
  const html = readFileSync(new URL('index.html', repo), 'utf8');
  it.each([
    ['light', COLOURS.light.theme],
    ['dark', COLOURS.dark.theme],
  ])('the %s theme-color meta is %s', (scheme, colour) => {
    const meta = new RegExp(
      `<meta name="theme-color" content="${colour}" media="\\(prefers-color-scheme: ${scheme}\\)"`,
    );
    expect(html).toMatch(meta);
  });
});
