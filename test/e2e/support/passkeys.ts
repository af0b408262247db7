/**
 * Chromium's virtual authenticators (CDP WebAuthn domain) for the passkey tests, and a spy on the PRF outputs the
 * page receives, so a test can prove none of them (nor what is derived from them) is ever stored.
 *
 * WebAuthn refuses an IP address as relying party id ("This is an invalid domain"), so these tests open the app at
 * http://localhost:<port> (the same server: Chromium resolves localhost to the loopback address itself, and
 * localhost is a secure context like 127.0.0.1). `test` here is the suite's, with that base URL.
 */
import { createDecipheriv, hkdfSync } from 'node:crypto';
import type { CDPSession, Page } from '@playwright/test';
import { test as base } from './fixtures';

export const test = base.extend({
  baseURL: async ({ baseURL }, use) => use(baseURL!.replace('//127.0.0.1:', '//localhost:')),
});
export { expect } from './fixtures';

export interface AuthenticatorOptions {
  transport?: 'internal' | 'usb';
  hasPrf?: boolean;
  isUserVerified?: boolean;
}

export interface Authenticators {
  cdp: CDPSession;
  add(options?: AuthenticatorOptions): Promise<string>;
  remove(id: string): Promise<void>;
  /** Whether the authenticator answers by itself (its "user presence"); off, it never answers. */
  answers(id: string, enabled: boolean): Promise<void>;
  verifiesUser(id: string, verified: boolean): Promise<void>;
  credentialCount(id: string): Promise<number>;
}

export async function authenticators(page: Page): Promise<Authenticators> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  return {
    cdp,
    async add({ transport = 'internal', hasPrf = true, isUserVerified = true } = {}) {
      const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
        options: {
          protocol: 'ctap2',
          transport,
          hasResidentKey: true,
          hasUserVerification: true,
          isUserVerified,
          hasPrf,
          automaticPresenceSimulation: true,
        },
      });
      return authenticatorId;
    },
    remove: async (authenticatorId) =>
      void (await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId })),
    answers: async (authenticatorId, enabled) =>
      void (await cdp.send('WebAuthn.setAutomaticPresenceSimulation', { authenticatorId, enabled })),
    verifiesUser: async (authenticatorId, isUserVerified) =>
      void (await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified })),
    credentialCount: async (authenticatorId) =>
      (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials.length,
  };
}

/**
 * Collects, in Node, the hex of every PRF output WebAuthn hands to the page, across reloads (an init script wraps
 * navigator.credentials before the app runs, and reports through a binding, so nothing of it is kept in the page).
 */
export async function spyOnPrf(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('__prfSeen', (hex: string) => void seen.push(hex));
  await page.addInitScript(() => {
    const report = (window as unknown as { __prfSeen: (hex: string) => void }).__prfSeen;
    const hex = (b: ArrayBuffer) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('');
    for (const method of ['create', 'get'] as const) {
      const original = navigator.credentials[method].bind(navigator.credentials);
      navigator.credentials[method] = async (options?: CredentialRequestOptions & CredentialCreationOptions) => {
        const credential = (await original(options)) as PublicKeyCredential | null;
        const first = credential?.getClientExtensionResults().prf?.results?.first;
        if (first) report(hex(first instanceof ArrayBuffer ? first : (first.buffer as ArrayBuffer)));
        return credential;
      };
    }
  });
  return seen;
}

/** The stored vault header, byte fields as hex. */
export async function storedHeader(page: Page): Promise<{ slots: Record<string, unknown>[] }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('latchkey');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const header = await new Promise<{ slots: Record<string, unknown>[] }>((resolve) => {
      const request = db.transaction('meta').objectStore('meta').get('header');
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    const plain = (value: unknown): unknown =>
      value instanceof Uint8Array
        ? hex(value)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]))
          : value;
    return { slots: header.slots.map((s) => plain(s) as Record<string, unknown>) };
  });
}

/** Changes the stored header in place, as someone with the browser profile could. */
export async function tamperHeader(page: Page, slotIndex: number, field: 'ciphertext' | 'salt'): Promise<void> {
  await page.evaluate(
    async ([index, name]) => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const request = indexedDB.open('latchkey');
        request.onsuccess = () => resolve(request.result);
      });
      const store = db.transaction('meta', 'readwrite').objectStore('meta');
      type StoredSlot = { salt: Uint8Array; wrapped: { ciphertext: Uint8Array } };
      const header = await new Promise<{ slots: StoredSlot[] }>((resolve) => {
        const request = store.get('header');
        request.onsuccess = () => resolve(request.result);
      });
      const slot = header.slots[index]!;
      const bytes = name === 'salt' ? slot.salt : slot.wrapped.ciphertext;
      bytes[0] = bytes[0]! ^ 1;
      const tx = db.transaction('meta', 'readwrite');
      tx.objectStore('meta').put(header, 'header');
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    },
    [slotIndex, field] as const,
  );
}

/**
 * What the docs say a passkey slot is, computed in Node from a PRF output: the slot key (HKDF-SHA256, empty salt,
 * `latchkey:v1:passkey-slot:<id>`) and, when it opens the slot, the master key.
 */
export function openSlotInNode(
  slot: Record<string, unknown>,
  prfHex: string,
): { slotKeyHex: string; masterKeyHex: string | null } {
  const id = slot.id as string;
  const slotKey = Buffer.from(
    hkdfSync('sha256', Buffer.from(prfHex, 'hex'), Buffer.alloc(0), `latchkey:v1:passkey-slot:${id}`, 32),
  );
  const wrapped = slot.wrapped as { nonce: string; ciphertext: string };
  const sealed = Buffer.from(wrapped.ciphertext, 'hex');
  try {
    const decipher = createDecipheriv('aes-256-gcm', slotKey, Buffer.from(wrapped.nonce, 'hex'));
    decipher.setAAD(Buffer.from(`latchkey:v1:slot:${id}`));
    decipher.setAuthTag(sealed.subarray(-16));
    const masterKey = Buffer.concat([decipher.update(sealed.subarray(0, -16)), decipher.final()]);
    return { slotKeyHex: slotKey.toString('hex'), masterKeyHex: masterKey.toString('hex') };
  } catch {
    return { slotKeyHex: slotKey.toString('hex'), masterKeyHex: null };
  }
}
