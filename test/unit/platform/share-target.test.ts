import { describe, expect, it } from 'vitest';
import { manifest } from '../../../src/manifest';
import { dropStaleSharedImage, SHARED_IMAGE_MAX_AGE_MS, takeSharedImage } from '../../../src/platform/share-target';
import { receiveSharedImage, SHARE_FILE_FIELD, SHARE_TARGET_PATH } from '../../../src/sw/share-target';

/** Cache Storage in memory: the worker writes and the page reads through the same one, as in a browser. */
class MemoryCaches {
  private stores = new Map<string, Map<string, Response>>();
  async open(name: string) {
    const store = this.stores.get(name) ?? new Map<string, Response>();
    this.stores.set(name, store);
    return {
      match: async (key: string) => store.get(key)?.clone(),
      put: async (key: string, response: Response) => void store.set(key, response),
      delete: async (key: string) => store.delete(key),
    };
  }
  async has(name: string) {
    return this.stores.has(name);
  }
  async delete(name: string) {
    return this.stores.delete(name);
  }
}

const ORIGIN = 'https://latchkey.test';
const NOW = 1_700_000_000_000;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

function sharePost(fields: [string, Blob | string][], from?: string) {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  const headers: Record<string, string> = from === undefined ? {} : { origin: from };
  return new Request(`${ORIGIN}${SHARE_TARGET_PATH}`, { method: 'POST', body: form, headers });
}

async function shareThenTake(fields: [string, Blob | string][], takenAt = NOW) {
  const storage = new MemoryCaches() as unknown as CacheStorage;
  const response = await receiveSharedImage(sharePost(fields), { storage, origin: ORIGIN, now: NOW });
  return { response, image: await takeSharedImage(takenAt, storage), again: await takeSharedImage(takenAt, storage) };
}

describe('share target', () => {
  it('uses the action and field the manifest declares', () => {
    expect(manifest.share_target.action).toBe(SHARE_TARGET_PATH);
    expect(manifest.share_target.params.files[0].name).toBe(SHARE_FILE_FIELD);
  });

  it('answers the POST with a 303 to the scan screen', async () => {
    const { response } = await shareThenTake([[SHARE_FILE_FIELD, new Blob([PNG], { type: 'image/png' })]]);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${ORIGIN}/?action=scan-shared`);
  });

  it('hands the shared image to the page once', async () => {
    const { image, again } = await shareThenTake([[SHARE_FILE_FIELD, new Blob([PNG], { type: 'image/png' })]]);
    expect(image?.type).toBe('image/png');
    expect(new Uint8Array(await image!.arrayBuffer())).toEqual(PNG);
    expect(again).toBeNull();
  });

  it.each<[string, [string, Blob | string][], number]>([
    ['no file at all', [['text', 'hello']], NOW],
    ['a file under another field', [['photo', new Blob([PNG], { type: 'image/png' })]], NOW],
    ['a file that is not an image', [[SHARE_FILE_FIELD, new Blob(['%PDF'], { type: 'application/pdf' })]], NOW],
    ['an empty file', [[SHARE_FILE_FIELD, new Blob([], { type: 'image/png' })]], NOW],
    [
      'a share never picked up in time',
      [[SHARE_FILE_FIELD, new Blob([PNG], { type: 'image/png' })]],
      NOW + SHARED_IMAGE_MAX_AGE_MS + 1,
    ],
  ])('keeps nothing for %s', async (_, fields, takenAt) => {
    const { response, image } = await shareThenTake(fields, takenAt);
    expect(response.status).toBe(303);
    expect(image).toBeNull();
  });

  it('drops an earlier image when a later share brings none', async () => {
    const storage = new MemoryCaches() as unknown as CacheStorage;
    const context = { storage, origin: ORIGIN, now: NOW };
    await receiveSharedImage(sharePost([[SHARE_FILE_FIELD, new Blob([PNG], { type: 'image/png' })]]), context);
    await receiveSharedImage(sharePost([['text', 'no image']]), context);
    expect(await takeSharedImage(NOW, storage)).toBeNull();
  });

  it('finds nothing where the browser has no Cache Storage', async () => {
    expect(await takeSharedImage(NOW, undefined)).toBeNull();
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['an opaque origin (a sandboxed frame, a data: page)', 'null'],
  ])('a POST from %s is sent home and nothing is kept', async (_, from) => {
    const storage = new MemoryCaches() as unknown as CacheStorage;
    const image = new Blob([PNG], { type: 'image/png' });
    const response = await receiveSharedImage(sharePost([[SHARE_FILE_FIELD, image]], from), {
      storage,
      origin: ORIGIN,
      now: NOW,
    });
    expect(response.headers.get('location')).toBe(`${ORIGIN}/`);
    expect(await takeSharedImage(NOW, storage)).toBeNull();
  });

  it('a POST with the app’s own Origin is a share', async () => {
    const storage = new MemoryCaches() as unknown as CacheStorage;
    const image = new Blob([PNG], { type: 'image/png' });
    await receiveSharedImage(sharePost([[SHARE_FILE_FIELD, image]], ORIGIN), { storage, origin: ORIGIN, now: NOW });
    expect(await takeSharedImage(NOW, storage)).not.toBeNull();
  });

  it('a shared image never picked up is deleted at the next start once a few minutes old, not before', async () => {
    const storage = new MemoryCaches() as unknown as CacheStorage;
    const image = new Blob([PNG], { type: 'image/png' });
    await receiveSharedImage(sharePost([[SHARE_FILE_FIELD, image]]), { storage, origin: ORIGIN, now: NOW });
    await dropStaleSharedImage(NOW + 1000, storage);
    expect(await storage.has('latchkey-share')).toBe(true);
    await dropStaleSharedImage(NOW + SHARED_IMAGE_MAX_AGE_MS + 1, storage);
    expect(await storage.has('latchkey-share')).toBe(false);
  });
});
