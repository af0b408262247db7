/** Changes made in quick succession (copies, edits, a reorder) must each be kept, in memory and in storage. */
import { beforeEach, describe, expect, it } from 'vitest';
import { Session } from '../../../../src/app/session/session';
import type { Account, AccountDraft, AccountId } from '../../../../src/core/account';
import { LatchkeyError } from '../../../../src/core/errors';
import { QUOTA_MESSAGE } from '../../../../src/storage/errors';
import { openVaultStore } from '../../../../src/storage/store';
import { FLOOR_KDF } from '../../../../src/vault/kdf-params';
import { freshIndexedDb } from '../../storage/fixtures';
import { accountId, b32 } from '../../../support/brands';

// The floor KDF keeps each test's vault cheap; the session's own code is what is under test.
const kdf = FLOOR_KDF;

const PASSWORD = 'correct horse battery staple';

function draft(issuer: string): AccountDraft {
  return {
    type: 'totp',
    secret: b32('JBSWY3DPEHPK3PXP'),
    issuer,
    name: `${issuer.toLowerCase()}@example.com`,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
  };
}

const NAMES = ['Alpha', 'Bravo', 'Charlie'] as const;
type Name = (typeof NAMES)[number];

let session: Session;
let ids: Record<Name, AccountId>;
/** Set to make every write of this session fail as a full disk does. */
let diskFull = false;
/** Called as a write of this session begins (the change is sealed); the write waits for what it returns. */
let beforeWrite: (() => void | Promise<void>) | null = null;

beforeEach(async () => {
  freshIndexedDb();
  diskFull = false;
  beforeWrite = null;
  session = new Session({
    kdf,
    openStore: async () => {
      const store = await openVaultStore();
      const withVault = store.withVault.bind(store);
      store.withVault = (work) =>
        withVault((vault) =>
          work({
            ...vault,
            async write(batch) {
              await beforeWrite?.();
              if (diskFull) throw new LatchkeyError('quota-exceeded', QUOTA_MESSAGE);
              return vault.write(batch);
            },
          }),
        );
      return store;
    },
  });
  await session.start();
  await session.create(PASSWORD);
  const added = await session.changes.addAccounts(NAMES.map(draft));
  ids = { Alpha: added[0]!.id, Bravo: added[1]!.id, Charlie: added[2]!.id };
});

/** What a second tab sees after unlocking: the stored truth, not this session's memory. */
async function stored(): Promise<readonly Account[]> {
  const other = new Session({ kdf });
  await other.start();
  await other.unlock(PASSWORD);
  return other.state.value.accounts;
}

/** Lets the promise callbacks queued so far run. */
const settled = () => new Promise((done) => setTimeout(done, 0));

/** Each account by its issuer; a deleted one is missing. */
function byIssuer(accounts: readonly Account[]): Partial<Record<Name, Account>> {
  return Object.fromEntries(accounts.map((a) => [a.issuer, a]));
}

type Step = (s: Session) => Promise<unknown>;

describe('changes started together are all kept', () => {
  it.each<{ name: string; steps: Step[]; expect: (a: Partial<Record<Name, Account>>) => void }>([
    {
      name: 'three copies of two accounts',
      steps: [
        (s) => s.changes.recordUse(ids.Charlie),
        (s) => s.changes.recordUse(ids.Bravo),
        (s) => s.changes.recordUse(ids.Charlie),
      ],
      expect: (a) => {
        expect(a.Charlie?.useCount).toBe(2);
        expect(a.Bravo?.useCount).toBe(1);
        expect(a.Alpha?.useCount).toBeUndefined();
      },
    },
    {
      name: 'an edit and a copy of the same account',
      steps: [
        (s) => s.changes.updateAccount(ids.Alpha, { note: 'blue folder' }),
        (s) => s.changes.recordUse(ids.Alpha),
      ],
      expect: (a) => {
        expect(a.Alpha?.note).toBe('blue folder');
        expect(a.Alpha?.useCount).toBe(1);
      },
    },
    {
      name: 'a next HOTP code twice, a favourite and a reorder',
      steps: [
        (s) => s.changes.nextHotp(ids.Bravo),
        (s) => s.changes.nextHotp(ids.Bravo),
        (s) => s.changes.updateAccount(ids.Alpha, { favorite: true }),
        (s) => s.changes.reorder([ids.Charlie, ids.Alpha, ids.Bravo]),
      ],
      expect: (a) => {
        expect(a.Bravo?.counter).toBe(2);
        expect(a.Alpha?.favorite).toBe(true);
        expect([a.Charlie?.order, a.Alpha?.order, a.Bravo?.order]).toEqual([0, 1, 2]);
      },
    },
    {
      name: 'a delete beside a copy of another account',
      steps: [(s) => s.changes.removeAccount(ids.Bravo), (s) => s.changes.recordUse(ids.Alpha)],
      expect: (a) => {
        expect(a.Bravo).toBeUndefined();
        expect(a.Alpha?.useCount).toBe(1);
      },
    },
  ])('$name', async ({ steps, expect: check }) => {
    await Promise.all(steps.map((step) => step(session)));
    check(byIssuer(session.state.value.accounts));
    check(byIssuer(await stored()));
  });
});

describe('a change that fails', () => {
  it('is refused plainly and does not stop the changes queued after it', async () => {
    const [gone, next] = await Promise.allSettled([
      session.changes.recordUse(accountId('acct:missing')),
      session.changes.recordUse(ids.Alpha),
    ]);
    expect(gone).toMatchObject({
      status: 'rejected',
      reason: { message: expect.stringContaining('no longer exists') },
    });
    expect(next.status).toBe('fulfilled');
    expect(byIssuer(await stored()).Alpha?.useCount).toBe(1);
  });

  it('a use is not an edit and is not a change worth a backup reminder', async () => {
    const before = byIssuer(session.state.value.accounts).Alpha!;
    const changes = session.state.value.changesSinceBackup;
    await session.changes.recordUse(ids.Alpha);
    const after = byIssuer(session.state.value.accounts).Alpha!;
    expect(after.updatedAt).toBe(before.updatedAt);
    expect(after.usedAt).toBeGreaterThanOrEqual(before.updatedAt);
    expect(session.state.value.changesSinceBackup).toBe(changes);
  });

  it.each<{ name: string; change: (s: Session) => Promise<unknown> }>([
    { name: 'a backup noted', change: (s) => s.changes.markBackedUp(1234) },
    { name: 'a reminder noted', change: (s) => s.changes.markReminderShown(1234) },
    { name: 'a use counted', change: (s) => s.changes.recordUse(ids.Alpha) },
    { name: 'an account removed', change: (s) => s.changes.removeAccount(ids.Bravo) },
  ])('on a full disk, $name changes nothing, in memory either', async ({ change }) => {
    const accounts = session.state.value.accounts;
    const state = session.vaultData;
    diskFull = true;
    await expect(change(session)).rejects.toThrow(QUOTA_MESSAGE);
    expect(session.state.value.accounts).toEqual(accounts);
    expect(session.vaultData).toEqual(state);
    diskFull = false;
    expect(byIssuer(await stored()).Bravo).toBeDefined();
  });
});

describe('locking while a change is being stored', () => {
  it.each<{
    name: string;
    change: (s: Session) => Promise<unknown>;
    stored: (a: Partial<Record<Name, Account>>) => void;
  }>([
    { name: 'a use', change: (s) => s.changes.recordUse(ids.Alpha), stored: (a) => expect(a.Alpha?.useCount).toBe(1) },
    {
      name: 'an edit',
      change: (s) => s.changes.updateAccount(ids.Bravo, { note: 'blue folder' }),
      stored: (a) => expect(a.Bravo?.note).toBe('blue folder'),
    },
    {
      name: 'a removal',
      change: (s) => s.changes.removeAccount(ids.Charlie),
      stored: (a) => expect(a.Charlie).toBeUndefined(),
    },
    {
      name: 'a reminder noted',
      change: (s) => s.changes.markReminderShown(1234),
      stored: () => expect(session.vaultData.backupReminderShownAt).toBe(1234),
    },
  ])('$name is kept, and does not show the list again', async ({ change, stored: check }) => {
    beforeWrite = () => session.lock();
    await change(session);
    expect(session.state.value).toMatchObject({ phase: 'locked', accounts: [] });
    await settled();
    expect(session.vaultData.titles).toEqual({}); // dropped once the queue is done
    beforeWrite = null;
    await session.unlock(PASSWORD);
    check(byIssuer(session.state.value.accounts));
  });

  it('an unlock right after shows what was still being stored, on its first screen too', async () => {
    // A long list is shown first screen first, from records read while the KDF runs.
    await session.changes.addAccounts(Array.from({ length: 90 }, (_, i) => draft(`Extra ${i}`)));
    let unlocked: Promise<void> = Promise.resolve();
    beforeWrite = async () => {
      beforeWrite = null;
      session.lock();
      unlocked = session.unlock(PASSWORD);
      // Storing is slow: the unlock starts reading before the write does.
      await new Promise((wait) => setTimeout(wait, 20));
    };
    await session.changes.updateAccount(ids.Alpha, { note: 'kept' });
    await unlocked;
    expect(byIssuer(session.state.value.accounts).Alpha?.note).toBe('kept');
  });

  it('changes made before Lock whose turn comes after it are stored too; one asked for after it is refused', async () => {
    beforeWrite = () => {
      beforeWrite = null;
      session.lock();
    };
    const made = [session.changes.recordUse(ids.Alpha), session.changes.updateAccount(ids.Bravo, { favorite: true })];
    await Promise.all(made);
    await expect(session.changes.recordUse(ids.Charlie)).rejects.toThrow('The vault is locked');
    expect(session.state.value).toMatchObject({ phase: 'locked', accounts: [] });
    await settled();
    expect(session.vaultData.titles).toEqual({});
    const kept = byIssuer(await stored());
    expect(kept.Alpha?.useCount).toBe(1);
    expect(kept.Bravo?.favorite).toBe(true);
    expect(kept.Charlie?.useCount).toBeUndefined();
  });

  it('a change asked for before the rest of a long list is read is built on everything stored, even after Lock', async () => {
    await session.changes.addAccounts(Array.from({ length: 90 }, (_, i) => draft(`Extra ${i}`)));
    session.lock();
    await session.unlock(PASSWORD); // the first screen; the rest is read after it is drawn
    const use = session.changes.recordUse(ids.Alpha);
    session.lock();
    await use;
    const kept = await stored();
    expect(kept).toHaveLength(93);
    expect(byIssuer(kept).Alpha?.useCount).toBe(1);
  });
});

describe('the changes before the first unlock', () => {
  it('are refused as on a locked vault: they come with the engine chunk, which the lock screen does not load', async () => {
    const other = new Session({ kdf });
    await other.start();
    expect(() => other.changes).toThrow(expect.objectContaining({ code: 'locked' }));
    other.lock(); // Lock with no change ever made is fine
    await other.unlock(PASSWORD);
    await other.changes.updateAccount(ids.Alpha, { favorite: true });
    expect(other.state.value.accounts.find((a) => a.id === ids.Alpha)?.favorite).toBe(true);
  });
});
