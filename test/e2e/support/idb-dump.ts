/**
 * Runs in the page: everything stored in every IndexedDB database of the origin and in web storage, rendered as
 * text (bytes as hex, Base64 and UTF-8), so a test can prove that no secret or label is stored in any form. Shared by
 * the Chromium suite and the cross-engine journeys (test/cross), so it must stay self-contained.
 */
export async function dumpStores(): Promise<string> {
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
}
