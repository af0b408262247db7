/**
 * The service worker's answer for the sync relay frame (docs/sync.md, "Which server the app may reach"): the
 * frame's CSP names exactly the origin stored, and nothing that is not a plain origin can widen it.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serveSyncRelay } from '../../../src/sw/sync-relay-route';
import { isPlainOrigin, SYNC_ORIGIN_KEY } from '../../../src/sync-frame/relay-messages';

const html = readFileSync('sync-frame.html', 'utf8');

function storeOrigin(value: string | null) {
  vi.stubGlobal('caches', {
    open: async () => ({
      match: async (key: string) => (key === SYNC_ORIGIN_KEY && value !== null ? new Response(value) : undefined),
    }),
  });
}

async function policy(): Promise<string> {
  const page = await (await serveSyncRelay(async () => new Response(html))).text();
  return /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(page)![1]!;
}

afterEach(() => vi.unstubAllGlobals());

describe('the relay frame CSP', () => {
  it.each([
    ['a stored origin', 'https://dav.example.com', 'connect-src https://dav.example.com;'],
    ['one with a port', 'http://127.0.0.1:8080', 'connect-src http://127.0.0.1:8080;'],
    ['nothing stored', null, "connect-src 'none';"],
    ['a second directive smuggled in', 'https://a.example; connect-src *', "connect-src 'none';"],
    ['a path', 'https://a.example/dav/', "connect-src 'none';"],
    ['a wildcard', '*', "connect-src 'none';"],
    ['a quote', "https://a.example'", "connect-src 'none';"],
  ])('with %s', async (_what, stored, expected) => {
    storeOrigin(stored);
    const csp = await policy();
    expect(csp).toContain(expected);
    expect(csp).toContain("default-src 'none'; script-src 'self'");
    expect(csp.match(/connect-src/g)).toHaveLength(1);
  });
});

describe('isPlainOrigin', () => {
  it.each([
    ['https://dav.example.com', true],
    ['http://[::1]:8080', true],
    ['HTTPS://DAV.EXAMPLE.COM', true],
    ['https://dav.example.com/', false],
    ['ftp://dav.example.com', false],
    ['https://user@dav.example.com', false],
    ['', false],
  ])('%s → %s', (text, plain) => expect(isPlainOrigin(text)).toBe(plain));
});
