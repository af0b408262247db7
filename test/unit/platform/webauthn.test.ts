/** The pure parts of the WebAuthn adapter: credential ids as evalByCredential names them, errors in words. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isLatchkeyError } from '../../../src/core/errors';
import { base64Url, isAbort, passkeyError, passkeysSupported } from '../../../src/platform/webauthn';

describe('base64Url: no padding, - and _ for + and /', () => {
  it.each<[number[], string]>([
    [[], ''],
    [[0], 'AA'],
    [[0xfb, 0xff], '-_8'],
    [[0xff, 0xfe, 0xfd], '__79'],
    [[1, 2, 3, 4], 'AQIDBA'],
  ])('%j → %s', (bytes, text) => {
    expect(base64Url(new Uint8Array(bytes))).toBe(text);
  });
});

describe('passkeyError: what the browser threw, said for a person', () => {
  it.each<[string, 'create' | 'get', string, RegExp]>([
    ['NotAllowedError', 'create', 'passkey-cancelled', /No passkey was made/],
    ['NotAllowedError', 'get', 'passkey-cancelled', /removed in Settings no longer opens it/],
    ['InvalidStateError', 'create', 'passkey-exists', /already holds a passkey for this vault/],
    ['InvalidStateError', 'get', 'passkey-cancelled', /did not unlock Latchkey/],
    ['SecurityError', 'create', 'passkey-unsupported', /not by an IP address/],
    ['SecurityError', 'get', 'passkey-unsupported', /not by an IP address/],
    ['NotSupportedError', 'create', 'passkey-unsupported', /cannot make a passkey/],
    ['UnknownError', 'get', 'passkey-cancelled', /Try again, or use your password/],
  ])('%s during %s → %s', (name, during, code, message) => {
    const error = passkeyError(new DOMException('browser text', name), during);
    expect(isLatchkeyError(error) && error.code).toBe(code);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('browser text');
  });

  it('passes an AbortError (closed by Latchkey itself) and anything else on unchanged', () => {
    const abort = new DOMException('aborted', 'AbortError');
    expect(passkeyError(abort, 'get')).toBe(abort);
    expect(isAbort(abort)).toBe(true);
    const other = new TypeError('bad');
    expect(passkeyError(other, 'create')).toBe(other);
    expect(isAbort(other)).toBe(false);
  });
});

describe('passkeysSupported: getClientCapabilities decides where it exists', () => {
  afterEach(() => vi.unstubAllGlobals());

  function browserWith(credential: unknown) {
    vi.stubGlobal('navigator', { credentials: {} });
    vi.stubGlobal('PublicKeyCredential', credential);
  }

  it.each<[string, unknown, boolean | null]>([
    ['no WebAuthn', undefined, false],
    ['no getClientCapabilities (cannot tell: trying is the test)', class {}, null],
    ['extension:prf false', { getClientCapabilities: async () => ({ 'extension:prf': false }) }, false],
    ['extension:prf true', { getClientCapabilities: async () => ({ 'extension:prf': true }) }, true],
    ['extension:prf not listed', { getClientCapabilities: async () => ({ conditionalGet: true }) }, null],
    ['getClientCapabilities failing', { getClientCapabilities: () => Promise.reject(new Error('x')) }, null],
  ])('%s → %s', async (_name, credential, expected) => {
    browserWith(credential);
    expect(await passkeysSupported()).toBe(expected);
  });
});
