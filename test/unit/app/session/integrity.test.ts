/**
 * Storage can be written by anyone with the browser profile: they cannot forge a record, but they can delete one
 * or put back an older copy of a record or of the state. Each is noticed on unlock, named, and held back until the
 * person decides; none is silently shown.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Session } from '../../../../src/app/session/session';
import { ICON_PACK_PREFIX, readIconPacks, removeIconPack, storeIconPack } from '../../../../src/app/icons/packs';
import type { AccountId } from '../../../../src/core/account';
import { openVaultStore, type VaultStore } from '../../../../src/storage/store';
import { closeTabChannel } from '../../../../src/storage/tabs';
import { FLOOR_KDF } from '../../../../src/vault/kdf-params';
import type { SealedRecord } from '../../../../src/vault/vault';
import { draft } from '../../../support/drafts';
import { freshIndexedDb } from '../../storage/fixtures';
import { fakeLocks } from './fake-locks';

const PASSWORD = 'correct horse battery staple';
let session: Session;
let store: VaultStore;
let ids: { hotp: AccountId; totp: AccountId };

beforeEach(async () => {
  freshIndexedDb();
  vi.stubGlobal('navigator', { locks: fakeLocks() });
  session = new Session({ kdf: FLOOR_KDF });
  await session.start();
  await session.create(PASSWORD);
  const added = await session.changes.addAccounts([
    draft({ issuer: 'Counter Co', name: 'alice', type: 'hotp' }),
    draft({ issuer: 'Time Inc', name: 'bob' }),
  ]);
  ids = { hotp: added[0]!.id, totp: added[1]!.id };
  store = await openVaultStore();
});

afterEach(() => {
  store.close();
  closeTabChannel();
  vi.unstubAllGlobals();
});

const record = async (id: string) => (await store.getRecord(id)) as SealedRecord;
/** Writes storage as someone outside Latchkey would: no lock, no state update. */
const putBack = (...records: SealedRecord[]) => store.write({ put: records });

async function reopened(): Promise<Session> {
  session.lock();
  const next = new Session({ kdf: FLOOR_KDF });
  await next.start();
  await next.unlock(PASSWORD);
  return next;
}

describe('integrity of the stored vault', () => {
  it('an HOTP record put back from an older copy is held back, named, and kept with its highest counter', async () => {
    const old = await record(ids.hotp);
    for (let i = 0; i < 3; i++) await session.changes.nextHotp(ids.hotp);
    await putBack(old);
    const next = await reopened();
    const { accounts, damaged } = next.state.value;
    expect(accounts.map((a) => a.issuer)).toEqual(['Time Inc']);
    expect(damaged).toEqual([
      expect.objectContaining({
        id: ids.hotp,
        kind: 'older-copy',
        message: expect.stringContaining('“Counter Co (alice)”'),
      }),
    ]);
    await next.changes.resolve(ids.hotp, 'keep');
    expect(next.state.value.accounts.find((a) => a.id === ids.hotp)?.counter).toBe(3);
    expect(next.state.value.damaged).toEqual([]);
    // Kept once, it is an ordinary account again.
    const after = await reopened();
    expect(after.state.value.damaged).toEqual([]);
  });

  it('a record deleted outside Latchkey is named as missing; removing it from the list clears it', async () => {
    await store.withVault((vault) => vault.write({ remove: [ids.totp] }));
    const next = await reopened();
    expect(next.state.value.damaged).toEqual([
      expect.objectContaining({ id: ids.totp, kind: 'missing', message: expect.stringContaining('“Time Inc (bob)”') }),
    ]);
    await next.changes.resolve(ids.totp, 'delete');
    expect(next.state.value.damaged).toEqual([]);
    expect((await reopened()).state.value.damaged).toEqual([]);
  });

  it('an account deleted in Latchkey that comes back from an older copy is held back', async () => {
    const old = await record(ids.totp);
    await session.changes.removeAccount(ids.totp);
    await putBack(old);
    const next = await reopened();
    expect(next.state.value.accounts.map((a) => a.issuer)).toEqual(['Counter Co']);
    expect(next.state.value.damaged).toEqual([expect.objectContaining({ id: ids.totp, kind: 'returned' })]);
    await next.changes.resolve(ids.totp, 'delete');
    expect(await store.getRecord(ids.totp)).toBeUndefined();
  });

  it('an older state put back is noticed: accounts shown as stored, automatic backups turned off', async () => {
    const oldState = await record('state');
    await session.changes.setAutoBackupKey({
      key: 'a2V5',
      salt: 'c2FsdA',
      memoryKiB: 65536,
      iterations: 3,
      parallelism: 1,
    });
    await session.changes.addAccounts([draft({ issuer: 'Later Ltd', name: 'carol' })]);
    await putBack(oldState);
    const next = await reopened();
    expect(next.state.value.accounts.map((a) => a.issuer).sort()).toEqual(['Counter Co', 'Later Ltd', 'Time Inc']);
    expect(next.state.value.damaged).toEqual([expect.objectContaining({ kind: 'state-older' })]);
    await next.changes.settled();
    expect(next.vaultData.autoBackup).toBeNull();
    // Repaired: the next unlock finds nothing wrong.
    expect((await reopened()).state.value.damaged).toEqual([]);
  });

  it('a vault written before records were listed opens as it is, and lists them from its next write', async () => {
    // What an older version stored: accounts without revisions, a state without a table of contents.
    const { sealRecord } = await import('../../../../src/vault/vault');
    const key = (session as unknown as { masterKey: Parameters<typeof sealRecord>[0] }).masterKey;
    const legacy = await sealRecord(key, 'state', { groups: [], titles: {}, changesSinceBackup: 0 });
    await putBack(legacy);
    const next = await reopened();
    expect(next.state.value.damaged).toEqual([]);
    expect(next.state.value.accounts).toHaveLength(2);
    await next.changes.recordUse(ids.totp);
    expect(Object.keys(next.vaultData.records ?? {}).sort()).toEqual([ids.hotp, ids.totp].sort());
  });
});

describe('settings that matter for security', () => {
  it('live in the sealed state: plain values written by someone else are ignored', async () => {
    await session.updateSettings({ autoLockMinutes: 15, clearClipboard: true, theme: 'dark' });
    // Someone with access to storage turns auto-lock off, clipboard clearing off, and shifts the clock.
    await store.putSettings({ theme: 'dark', autoLockMinutes: 0, clearClipboard: false, clockOffsetMs: 86_000_000 });
    const next = await reopened();
    expect(next.state.value.settings).toMatchObject({
      theme: 'dark',
      autoLockMinutes: 15,
      clearClipboard: true,
      clockOffsetMs: 0,
    });
  });

  it('are adopted once from the plain store an older version wrote them to, then removed from it', async () => {
    session.lock();
    await store.putSettings({ theme: 'light', autoLockMinutes: 60, sort: 'issuer' });
    const next = new Session({ kdf: FLOOR_KDF });
    await next.start();
    expect(next.state.value.settings.autoLockMinutes).toBe(5); // locked: not trusted yet
    await next.unlock(PASSWORD);
    await next.changes.settled();
    await new Promise((done) => setTimeout(done, 10));
    expect(next.state.value.settings).toMatchObject({ theme: 'light', autoLockMinutes: 60, sort: 'issuer' });
    expect(await store.getSettings()).toEqual({ theme: 'light', language: 'auto' });
    expect(next.vaultData.settings).toMatchObject({ autoLockMinutes: 60, sort: 'issuer' });
  });
});

describe('records that are not accounts', () => {
  const pack = {
    id: 'pack-1',
    name: 'Test Pack',
    version: 1,
    icons: [
      {
        name: 'GitHub',
        category: '',
        issuers: ['github'],
        icon: { kind: 'image' as const, mime: 'image/png' as const, dataBase64: 'iVBORw0KGgo=' },
      },
    ],
  };

  it('an icon pack is kept sealed beside the accounts, never opened as one, and survives re-encryption', async () => {
    await storeIconPack(session, pack);
    const stored = await record(`${ICON_PACK_PREFIX}pack-1`);
    expect(new TextDecoder().decode(stored.data)).not.toContain('GitHub');
    // Something sealed under the vault key with an id of no known kind (a later version's) is ignored too.
    const { sealRecord } = await import('../../../../src/vault/vault');
    await session.changes.exclusive(async (key, vault) =>
      vault.write({ put: [await sealRecord(key, 'later-kind:1', { hello: 'world' })] }),
    );
    let next = await reopened();
    expect(next.state.value.accounts.map((a) => a.issuer)).toEqual(['Counter Co', 'Time Inc']);
    expect(next.state.value.damaged).toEqual([]);
    expect(await readIconPacks(next)).toEqual([pack]);

    await next.changePassword(PASSWORD, 'another password 123', { reencrypt: true });
    next.lock();
    next = new Session({ kdf: FLOOR_KDF });
    await next.start();
    await next.unlock('another password 123');
    expect(next.state.value.damaged).toEqual([]);
    expect(await readIconPacks(next)).toEqual([pack]);
    await removeIconPack(next, 'pack-1');
    expect(await readIconPacks(next)).toEqual([]);
  });

  it('a vault written before records were listed reads only its accounts as accounts', async () => {
    await storeIconPack(session, pack);
    // The state as a version before the table of contents wrote it: every record is read, and checked by kind.
    await session.changes.exclusive(async (key, vault) => {
      const { openRecord, sealRecord } = await import('../../../../src/vault/vault');
      const state = (await openRecord(key, (await vault.getRecord('state'))!)) as Record<string, unknown>;
      await vault.write({ put: [await sealRecord(key, 'state', { ...state, records: null })] });
    });
    const next = await reopened();
    expect(next.state.value.accounts.map((a) => a.issuer)).toEqual(['Counter Co', 'Time Inc']);
    expect(next.state.value.damaged).toEqual([]);
  });
});
