import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'correct horse battery staple';

/** The RFC 6238 SHA-1 seed: known codes at any time via otpauth in Node. */
export const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

export function otpauth(issuer: string, name: string, secret = RFC_SECRET, extra = ''): string {
  return `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(name)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}${extra}`;
}

export async function createVault(page: Page, password = PASSWORD) {
  await page.goto('/');
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Confirm password').fill(password);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('button', { name: 'Add account' })).toBeVisible({ timeout: 20_000 });
}

/**
 * The server's clock as the clock check reads it (a Date header), set to the page's fake time: a test that moves
 * the page's clock by days would otherwise see a clock warning take the place of the banner it is about.
 */
export async function serverClockAt(page: Page, now: () => number) {
  await page.route('**/robots.txt?clock-check=*', (route) =>
    route.fulfill({ status: 200, headers: { date: new Date(now()).toUTCString() } }),
  );
}

export async function unlock(page: Page, password = PASSWORD) {
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
}

/** Opens an enrollment link the way the protocol handler does: `/#add=<uri>`, then saves it from the review. */
export async function addByLink(page: Page, uri: string) {
  await page.goto(`/#add=${encodeURIComponent(uri)}`);
  // A fragment alone does not navigate a page already on the app: load it as a phone's link would.
  await page.reload();
  // A fresh page load starts locked: the key lives only in the memory of an unlocked page.
  await unlock(page);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('list', { name: 'Accounts', exact: true })).toBeVisible();
}

export function accountItem(page: Page, text: string) {
  return page.getByRole('list', { name: 'Accounts', exact: true }).getByRole('listitem').filter({ hasText: text });
}

/** The code shown in an account row, digits only. */
export async function shownCode(page: Page, text: string): Promise<string> {
  const code = accountItem(page, text).locator('.code').first();
  // Codes appear once the first batch is computed; wait for real characters rather than a placeholder, and
  // return the very text that was checked (a row being re-rendered is blank for a moment).
  let shown = '';
  await expect.poll(async () => (shown = (await code.innerText()).replace(/\s/g, ''))).toMatch(/^[0-9A-Z]{5,}$/);
  return shown;
}

/**
 * Everything stored in every IndexedDB database of the origin, rendered as text (bytes as hex and Base64 too),
 * so a test can prove that no secret or label is stored in any form.
 */
export async function dumpIndexedDb(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const out: string[] = [];
    const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    const b64 = (b: Uint8Array) => btoa(String.fromCharCode(...b));
    const render = (value: unknown): unknown => {
      if (value instanceof ArrayBuffer) value = new Uint8Array(value);
      if (ArrayBuffer.isView(value)) {
        const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
        return `bytes:${hex(bytes)}:${b64(bytes)}:${new TextDecoder().decode(bytes)}`;
      }
      if (Array.isArray(value)) return value.map(render);
      if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, render(v)]));
      }
      return value;
    };
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const storeName of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(storeName).objectStore(storeName).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
          const request = db.transaction(storeName).objectStore(storeName).getAllKeys();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        out.push(`${info.name}/${storeName}: ${JSON.stringify(keys)} ${JSON.stringify(render(all))}`);
      }
      db.close();
    }
    out.push(`localStorage: ${JSON.stringify({ ...localStorage })}`);
    out.push(`sessionStorage: ${JSON.stringify({ ...sessionStorage })}`);
    return out.join('\n');
  });
}
