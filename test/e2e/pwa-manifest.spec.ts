import { manifest } from '../../src/manifest';
import { expectAppRendered } from './pwa-support/pwa';
import { expect, test } from './support/fixtures';

type Image = { src: string; sizes: string; type?: string; purpose?: string };

test('the page links the manifest, and the manifest says what the app is', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const response = await request.get(href!);
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  const served = (await response.json()) as Record<string, unknown>;

  // The build serves exactly src/manifest.ts; the unit test checks that source field by field.
  expect(served).toMatchObject(JSON.parse(JSON.stringify(manifest)) as Record<string, unknown>);
  expect(served).toMatchObject({
    display: 'standalone',
    start_url: '/',
    scope: '/',
    id: '/',
    protocol_handlers: [{ protocol: 'web+otpauth', url: '/#add=%s' }],
    share_target: { action: '/share-target', method: 'POST', enctype: 'multipart/form-data' },
  });
});

test('every icon and screenshot loads as an image of the size the manifest states', async ({ page }) => {
  await page.goto('/');
  const images: Image[] = [...manifest.icons, ...manifest.screenshots];
  for (const image of images) {
    // Decoded by the browser itself: a wrong type or a truncated file fails here, not only a wrong size.
    const decoded = await page.evaluate(async (src) => {
      const type = (await fetch(src)).headers.get('content-type');
      const img = new Image();
      img.src = src;
      await img.decode();
      return { type, size: `${img.naturalWidth}x${img.naturalHeight}` };
    }, image.src);
    expect(decoded.type, image.src).toBe(image.type);
    if (image.sizes !== 'any') expect(decoded.size, image.src).toBe(image.sizes);
  }
});

/** The policy index.html must carry, directive by directive. frame-ancestors cannot be set by a <meta>. */
const REQUIRED_CSP: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

test('the Content-Security-Policy is strict and the app runs under it without a violation', async ({ page }) => {
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', () => {
      (window as { violations?: number }).violations = ((window as { violations?: number }).violations ?? 0) + 1;
    });
  });
  await page.goto('/');
  // The app registers its worker after the first paint: the policy must allow that too.
  await page.evaluate(() => navigator.serviceWorker.ready);
  const content = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = new Map(
    content!
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  );
  for (const [name, values] of Object.entries(REQUIRED_CSP)) expect(directives.get(name), name).toEqual(values);
  for (const values of directives.values()) {
    expect(values).not.toContain("'unsafe-inline'");
    expect(values).not.toContain("'unsafe-eval'");
    expect(values).not.toContain('*');
  }
  await expectAppRendered(page);
  expect(await page.evaluate(() => (window as { violations?: number }).violations ?? 0)).toBe(0);
});

test('the policy is enforced, not only present: an injected inline script does not run', async ({
  browser,
  baseURL,
}) => {
  // A context of its own: the refusal is reported as a console error, which the suite-wide watch would count.
  const context = await browser.newContext({ baseURL: baseURL! });
  const page = await context.newPage();
  await page.goto('/');
  const violation = page.waitForEvent('console', (message) => message.text().includes('Content Security Policy'));
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.inlineRan = true';
    document.head.append(script);
    return (window as { inlineRan?: boolean }).inlineRan === true;
  });
  expect(ran).toBe(false);
  await violation;
  await context.close();
});
