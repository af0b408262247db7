/**
 * The WebDAV adapter against real servers: Debian's apache2 (with strong entity tags, and with its default weak
 * ones) and rclone, plus a front that injects faults. Each answer a server can give becomes the right SyncError.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webDavStorage } from '../../../src/sync/webdav';
import { isSyncError, type SyncProblem } from '../../../src/sync/errors';
import type { StorageAdapter } from '../../../src/sync/storage';
import {
  startApache,
  startFront,
  startRclone,
  type Apache,
  type DavServer,
  type Front,
} from '../../support/dav/dav-servers';

const APP = 'http://127.0.0.1:4173';
const bytes = (text: string) => new TextEncoder().encode(text);
const text = (object: unknown) => new TextDecoder().decode((object as { bytes: Uint8Array }).bytes);

async function problem(work: Promise<unknown>): Promise<SyncProblem | 'none'> {
  try {
    await work;
    return 'none';
  } catch (error) {
    if (isSyncError(error)) return error.problem;
    throw error;
  }
}

let apache: Apache;
let weak: Apache;
let rclone: DavServer;
let front: Front;

beforeAll(async () => {
  [apache, weak, rclone] = await Promise.all([
    startApache({ appOrigin: APP }),
    startApache({ appOrigin: APP, weakEtags: true }),
    startRclone(),
  ]);
  front = await startFront({ target: apache });
}, 30_000);

afterAll(async () => {
  await Promise.all([apache?.close(), weak?.close(), rclone?.close(), front?.close()]);
});

const dav = (server: { url: string; user?: string; password?: string }, password?: string): StorageAdapter =>
  webDavStorage({ url: server.url, username: 'alice', password: password ?? 'app-password-1234', timeoutMs: 5000 });

describe.each([
  ['apache', () => apache, true],
  ['rclone', () => rclone, false],
])('%s', (_name, server, honoursConditions) => {
  it('makes its folder, lists, writes, reads, deletes', async () => {
    const storage = dav(server());
    expect(await problem(storage.list())).toBe('not-found');
    await storage.ensureFolder();
    await storage.ensureFolder(); // already there: fine
    expect(await storage.list()).toEqual([]);
    await storage.put('one.bin', bytes('first'), { create: true });
    const read = await storage.get('one.bin');
    expect(text(read)).toBe('first');
    const listed = await storage.list();
    expect(listed.map((o) => [o.name, o.size])).toEqual([['one.bin', 5]]);
    expect(listed[0]!.etag).toBeTruthy();
    expect(listed[0]!.modifiedAt).toBeGreaterThan(Date.now() - 60_000);
    expect(await storage.get('one.bin', (read as { etag: string }).etag)).toBe('unchanged');
    await storage.delete('one.bin');
    expect(await storage.get('one.bin')).toBeNull();
    await storage.delete('one.bin');
  });

  it(`${honoursConditions ? 'honours' : 'ignores'} If-Match and If-None-Match on PUT`, async () => {
    const storage = dav(server());
    await storage.ensureFolder();
    await storage.put('two.bin', bytes('a'), { create: true });
    const { etag } = (await storage.get('two.bin')) as { etag: string };
    await storage.put('two.bin', bytes('b'), { ifMatch: etag });
    const expected = honoursConditions ? 'precondition' : 'none';
    expect(await problem(storage.put('two.bin', bytes('c'), { ifMatch: etag }))).toBe(expected);
    expect(await problem(storage.put('two.bin', bytes('d'), { create: true }))).toBe(expected);
  });

  it('says a wrong password is one (401)', async () => {
    expect(await problem(dav(server(), 'wrong').list())).toBe('unauthorized');
  });
});

describe('apache with its default entity tags', () => {
  it('gives a weak tag for a second after a write: If-Match with it fails, then the same tag matches', async () => {
    const storage = dav(weak);
    await storage.ensureFolder();
    await storage.put('w.bin', bytes('x'), { create: true });
    const { etag } = (await storage.get('w.bin')) as { etag: string };
    expect(etag.startsWith('W/')).toBe(true);
    expect(await problem(storage.put('w.bin', bytes('y'), { ifMatch: etag }))).toBe('precondition');
    await new Promise((done) => setTimeout(done, 1100));
    expect(await problem(storage.put('w.bin', bytes('y'), { ifMatch: etag }))).toBe('none');
  });
});

describe('faults', () => {
  it.each([
    [403, 'forbidden'],
    [507, 'insufficient-storage'],
    [500, 'server'],
    [405, 'not-webdav'],
  ] as const)('an answer of %i is %s', async (status, expected) => {
    front.answer = { status };
    try {
      expect(await problem(dav(front).put('f.bin', bytes('z')))).toBe(expected);
    } finally {
      front.answer = null;
    }
  });

  it('a server that answers PROPFIND like a plain web server (200) is not WebDAV', async () => {
    front.answer = { status: 200, methods: ['PROPFIND'] };
    try {
      expect(await problem(dav(front).list())).toBe('not-webdav');
    } finally {
      front.answer = null;
    }
  });

  it('an upload cut off halfway is interrupted and writes nothing; a server that is gone is unreachable', async () => {
    const storage = dav(front);
    await storage.ensureFolder();
    front.cutUploads = 1;
    expect(await problem(storage.put('cut.bin', new Uint8Array(64 * 1024).fill(7), { create: true }))).toBe(
      'interrupted',
    );
    const after = await storage.get('cut.bin');
    // Apache either never made the file or removed the partial one.
    expect(after).toBeNull();
    await front.stop();
    try {
      expect(await problem(storage.list())).toBe('unreachable');
    } finally {
      await front.start();
    }
  });
});
