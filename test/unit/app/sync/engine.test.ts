/**
 * The sync engine end to end in Node: two devices (two sessions, each with its own IndexedDB) sync through real
 * WebDAV servers, Debian's apache2 (honours conditional writes) and rclone (ignores them). Connect and join,
 * changes both ways, concurrent edit and delete, HOTP counters, writes at the same moment, a tampered object,
 * and what the server's folder holds.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join as joinPath } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../../../../src/app/session/session';
import { SyncController } from '../../../../src/app/sync/controller';
import { davStorage } from '../../../../src/app/sync/connect';
import type { AccountId } from '../../../../src/core/account';
import { FLOOR_KDF } from '../../../../src/vault/kdf-params';
import { freshIndexedDb } from '../../storage/fixtures';
import { draft } from '../../../support/drafts';
import { startApache, startFront, startRclone, type DavServer } from '../../../support/dav/dav-servers';

const PASSWORD = 'correct horse battery staple';
const APP = 'http://127.0.0.1:4173';

async function device(): Promise<Session> {
  freshIndexedDb();
  const session = new Session({ kdf: FLOOR_KDF });
  await session.start();
  return session;
}

const timing = { debounceMs: 1e9, everyMs: 1e9 };
const controllers: SyncController[] = [];
function controllerFor(session: Session): SyncController {
  const controller = new SyncController(session, davStorage(fetch), timing);
  controllers.push(controller);
  return controller;
}

function names(session: Session): string[] {
  return session.state.value.accounts.map((a) => `${a.issuer}:${a.name}`).sort();
}

async function pair(server: DavServer, folder: string) {
  const login = { url: `${server.origin}/${folder}/`, username: server.user, password: server.password };
  const a = await device();
  await a.create(PASSWORD);
  const syncA = controllerFor(a);
  const b = await device();
  const syncB = controllerFor(b);
  return { a, b, syncA, syncB, login };
}

function expectSynced(controller: SyncController) {
  const status = controller.status.value;
  expect(status, JSON.stringify(status)).toMatchObject({ kind: 'synced', waiting: 0 });
}

let apache: DavServer;
let rclone: DavServer;

beforeAll(async () => {
  [apache, rclone] = await Promise.all([startApache({ appOrigin: APP }), startRclone()]);
}, 30_000);

afterAll(async () => {
  for (const c of controllers) c.stop();
  await Promise.all([apache?.close(), rclone?.close()]);
});

describe.each([
  ['apache2', () => apache, true],
  ['rclone', () => rclone, false],
])('two devices through %s', (_name, server, conditional) => {
  it('connect, join, add on A appears on B, edit on B and delete on A at the same moment keeps the edit', async () => {
    const { a, b, syncA, syncB, login } = await pair(server(), `s${Math.random().toString(16).slice(2)}`);
    await a.changes.addAccounts([
      draft({ issuer: 'Bank', name: 'alice' }),
      draft({ issuer: 'Mail', name: 'bob' }),
      draft({ issuer: 'Hotp', name: 'carol', type: 'hotp', counter: 3 }),
    ]);
    await syncA.connect(login);
    expectSynced(syncA);
    expect(a.vaultData.sync?.conditional).toBe(conditional);

    await syncB.join(login, PASSWORD);
    expectSynced(syncB);
    expect(names(b)).toEqual(['Bank:alice', 'Hotp:carol', 'Mail:bob']);

    // Added on A, seen on B.
    await a.changes.addAccounts([draft({ issuer: 'Shop', name: 'dave' })]);
    await syncA.syncNow();
    await syncB.syncNow();
    expect(names(b)).toContain('Shop:dave');

    // Edit on B, delete on A, neither synced: the edit keeps the account on both.
    const bank = (s: Session) => s.state.value.accounts.find((x) => x.issuer === 'Bank')!;
    await b.changes.updateAccount(bank(b).id, { name: 'alice-renamed' });
    await a.changes.removeAccount(bank(a).id);
    await syncA.syncNow();
    await syncB.syncNow();
    await syncA.syncNow();
    expect(names(a)).toContain('Bank:alice-renamed');
    expect(names(b)).toContain('Bank:alice-renamed');

    // HOTP: A uses it twice, B once, concurrently: both end at the maximum.
    const hotp = (s: Session) => s.state.value.accounts.find((x) => x.issuer === 'Hotp')!;
    await a.changes.nextHotp(hotp(a).id);
    await a.changes.nextHotp(hotp(a).id);
    await b.changes.nextHotp(hotp(b).id);
    await syncB.syncNow();
    await syncA.syncNow();
    await syncB.syncNow();
    expect(hotp(a).counter).toBe(5);
    expect(hotp(b).counter).toBe(5);

    // A plain delete goes across.
    await b.changes.removeAccount(b.state.value.accounts.find((x) => x.issuer === 'Mail')!.id);
    await syncB.syncNow();
    await syncA.syncNow();
    expect(names(a)).toEqual(names(b));
    expect(names(a)).not.toContain('Mail:bob');
    expectSynced(syncA);
    expectSynced(syncB);
  }, 60_000);

  it('many changes on both sides, synced at the same moment: nothing lost or duplicated', async () => {
    const { a, b, syncA, syncB, login } = await pair(server(), `m${Math.random().toString(16).slice(2)}`);
    await syncA.connect(login);
    await syncB.join(login, PASSWORD);
    for (let round = 0; round < 3; round++) {
      await a.changes.addAccounts(Array.from({ length: 10 }, (_, i) => draft({ issuer: `A${round}-${i}` })));
      await b.changes.addAccounts(Array.from({ length: 10 }, (_, i) => draft({ issuer: `B${round}-${i}` })));
      await Promise.all([syncA.syncNow(), syncB.syncNow()]);
    }
    await syncA.syncNow();
    await syncB.syncNow();
    await syncA.syncNow();
    expect(a.state.value.accounts).toHaveLength(60);
    expect(names(a)).toEqual(names(b));
  }, 60_000);
});

describe('what the server holds', () => {
  it('no secret, issuer or account name; a changed object is refused and named, nothing here changes', async () => {
    const folder = `t${Math.random().toString(16).slice(2)}`;
    const { a, b, syncA, syncB, login } = await pair(apache, folder);
    await a.changes.addAccounts([draft({ issuer: 'SecretBank', name: 'zelda@example.com' })]);
    await syncA.connect(login);
    const dir = joinPath(apache.root, folder);
    const files = readdirSync(dir);
    expect(files).toContain('latchkey-keys.json');
    expect(files).toContain('latchkey-index');
    for (const file of files) {
      const text = readFileSync(joinPath(dir, file)).toString('latin1');
      for (const word of ['SecretBank', 'zelda', 'JBSWY3DP', 'KRSXG5C']) expect(text).not.toContain(word);
    }
    await syncB.join(login, PASSWORD);
    const id = b.state.value.accounts[0]!.id as AccountId;

    // Change the account object on the server, as a new version.
    await a.changes.updateAccount(id, { name: 'zelda2' });
    await syncA.syncNow();
    const objects = readdirSync(dir).filter((f) => /^[0-9a-f]{32}$/.test(f));
    for (const object of objects) {
      const bytes = readFileSync(joinPath(dir, object));
      bytes[40] = bytes[40]! ^ 1;
      writeFileSync(joinPath(dir, object), bytes);
    }
    await syncB.syncNow();
    expect(syncB.status.value).toMatchObject({ kind: 'problem', problem: 'tampered' });
    expect((syncB.status.value as { message: string }).message).toContain('SecretBank (zelda@example.com)');
    expect(names(b)).toEqual(['SecretBank:zelda@example.com']);
  }, 60_000);
});

describe('a server that goes away', () => {
  it('200 changes on both sides while it is stopped and started again, and uploads cut off: nothing lost or doubled', async () => {
    const front = await startFront({ target: apache });
    try {
      const folder = `d${Math.random().toString(16).slice(2)}`;
      const { a, b, syncA, syncB, login } = await pair(apache, folder);
      const viaFront = { ...login, url: `${front.origin}/${folder}/` };
      await syncA.connect(viaFront);
      await syncB.join(viaFront, PASSWORD);
      await front.stop();
      for (let i = 0; i < 10; i++) {
        await a.changes.addAccounts(Array.from({ length: 10 }, (_, j) => draft({ issuer: `A${i}-${j}` })));
        await b.changes.addAccounts(Array.from({ length: 10 }, (_, j) => draft({ issuer: `B${i}-${j}` })));
        if (i === 4) {
          await syncA.syncNow();
          expect(syncA.status.value).toMatchObject({ kind: 'problem', problem: 'unreachable', waiting: 50 });
        }
      }
      await front.start();
      // The next uploads die half-way: the round fails and says so; the one after gets through.
      front.cutUploads = 2;
      await syncA.syncNow();
      const seen = [syncA.status.value];
      // Each later try gets further; a connection the cut left broken may fail one more.
      for (let i = 0; i < 4 && syncA.status.value.kind !== 'synced'; i++) {
        await syncA.syncNow();
        seen.push(syncA.status.value);
      }
      expect(seen[0]).toMatchObject({ kind: 'problem', problem: 'interrupted' });
      expect((seen[0] as { message: string }).message).toMatch(/broke off/);
      await syncB.syncNow();
      await syncA.syncNow();
      expectSynced(syncA);
      expectSynced(syncB);
      expect(a.state.value.accounts).toHaveLength(200);
      expect(names(a)).toEqual(names(b));
      expect(new Set(names(a)).size).toBe(200);
    } finally {
      await front.close();
    }
  }, 120_000);
});

/**
 * The reference for the sync rows of `npm run bench`: the same number of objects of the same sizes put into a folder
 * and read back with plain WebDAV requests, six at a time as the app does, with nothing to seal, open or merge.
 */
async function bareTransfer(server: DavServer, folder: string, sizes: number[]) {
  const auth = { authorization: `Basic ${btoa(`${server.user}:${server.password}`)}` };
  const base = `${server.origin}/${folder}/`;
  await fetch(base, { method: 'MKCOL', headers: auth });
  const each = async (work: (i: number) => Promise<unknown>) => {
    let next = 0;
    const lane = async () => {
      while (next < sizes.length) await work(next++);
    };
    await Promise.all(Array.from({ length: 6 }, lane));
  };
  let started = performance.now();
  await each((i) => fetch(`${base}o${i}`, { method: 'PUT', headers: auth, body: new Uint8Array(sizes[i]!) }));
  const bareUploadMs = performance.now() - started;
  started = performance.now();
  await each((i) => fetch(`${base}o${i}`, { headers: auth }).then((r) => r.arrayBuffer()));
  const bareDownloadMs = performance.now() - started;
  return { bareUploadMs, bareDownloadMs, objects: sizes.length };
}

describe('speed (docs/sync.md; npm run bench:sync asserts the times)', () => {
  it('1,000 accounts: upload and join (under 10 s on a quiet machine); one change crosses with at most 3 requests a side', async () => {
    const folder = `p${Math.random().toString(16).slice(2)}`;
    const { a, b, syncA, syncB, login } = await pair(apache, folder);
    await a.changes.addAccounts(
      Array.from({ length: 1000 }, (_, i) => draft({ issuer: `Issuer ${i}`, name: `n${i}` })),
    );
    let started = performance.now();
    await syncA.connect(login);
    const uploadMs = performance.now() - started;
    started = performance.now();
    await syncB.join(login, PASSWORD);
    const joinMs = performance.now() - started;
    expect(b.state.value.accounts).toHaveLength(1000);

    await a.changes.addAccounts([draft({ issuer: 'One more' })]);
    await syncA.syncNow();
    const writer = syncA.lastRound!.requests;
    await syncB.syncNow();
    const reader = syncB.lastRound!.requests;
    expect(names(b)).toContain('One more:');
    console.log(
      `sync bench: upload 1,000 ${Math.round(uploadMs)} ms, join 1,000 ${Math.round(joinMs)} ms; ` +
        `one change: ${writer} requests on the writing device, ${reader} on the reading one`,
    );
    // Times are asserted only by `npm run bench:sync` (LATCHKEY_BENCH=1), on a quiet machine: on a loaded one (CI
    // with other jobs) a join took 19 s. The request counts hold anywhere.
    if (process.env.LATCHKEY_BENCH) expect(joinMs).toBeLessThan(10_000);
    // `npm run bench` (bench/sections/sync.mjs) takes the numbers, with the same transfer done bare as a reference.
    if (process.env.LATCHKEY_BENCH_OUT) {
      const sizes = readdirSync(joinPath(apache.root, folder)).map(
        (f) => statSync(joinPath(apache.root, folder, f)).size,
      );
      const bare = await bareTransfer(apache, `${folder}-bare`, sizes);
      writeFileSync(process.env.LATCHKEY_BENCH_OUT, JSON.stringify({ uploadMs, joinMs, writer, reader, ...bare }));
    }
    expect(writer).toBeLessThanOrEqual(3);
    expect(reader).toBeLessThanOrEqual(3);
  }, 120_000);
});
