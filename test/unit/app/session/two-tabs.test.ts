/**
 * Two tabs (two sessions on one IndexedDB, one Web Lock, one BroadcastChannel) change the vault at the same
 * moment: every pair of change kinds, many rounds. Each change must be a read-modify-write of what is stored, so
 * neither is lost: the stored vault afterwards holds both effects (or, beside a deletion, no trace of the deleted
 * account).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Session } from '../../../../src/app/session/session';
import type { Account, AccountDraft, AccountId } from '../../../../src/core/account';
import { closeTabChannel } from '../../../../src/storage/tabs';
import { FLOOR_KDF } from '../../../../src/vault/kdf-params';
import { draft } from '../../../support/drafts';
import { freshIndexedDb } from '../../storage/fixtures';
import { fakeLocks } from './fake-locks';

const PASSWORD = 'correct horse battery staple';
const kdf = FLOOR_KDF;
const ROUNDS = 3;

interface World {
  ids: Record<'X' | 'Y' | 'Z' | 'H', AccountId>;
}

/** One kind of change, and what must hold of the stored vault after it (unless X was deleted beside it). */
interface Kind {
  name: string;
  /** Touches the shared account X (or H for HOTP), so a deletion of X beside it makes it moot. */
  onX: boolean;
  run(s: Session, w: World, tab: 'A' | 'B'): Promise<unknown>;
  holds(after: Map<string, Account>, w: World, tab: 'A' | 'B', other: string): void;
}

const get = (after: Map<string, Account>, id: AccountId) => [...after.values()].find((a) => a.id === id);

const KINDS: Kind[] = [
  {
    name: 'copy',
    onX: true,
    run: (s, w) => s.changes.recordUse(w.ids.X),
    holds: (after, w, _tab, other) => {
      // Two copies count twice; a copy beside anything else counts once.
      expect(get(after, w.ids.X)?.useCount).toBe(other === 'copy' ? 2 : 1);
    },
  },
  {
    name: 'next HOTP code',
    onX: true,
    run: (s, w) => s.changes.nextHotp(w.ids.H),
    holds: (after, w, _tab, other) => {
      expect(get(after, w.ids.H)?.counter).toBe(other === 'next HOTP code' ? 2 : 1);
    },
  },
  {
    name: 'rename',
    onX: true,
    run: (s, w, tab) => s.changes.updateAccount(w.ids.X, { name: `renamed in ${tab}` }),
    holds: (after, w, tab, other) => {
      const name = get(after, w.ids.X)?.name;
      if (other === 'rename') expect(['renamed in A', 'renamed in B']).toContain(name);
      else expect(name).toBe(`renamed in ${tab}`);
    },
  },
  {
    name: 'pin',
    onX: true,
    run: (s, w) => s.changes.updateAccount(w.ids.X, { favorite: true }),
    holds: (after, w) => expect(get(after, w.ids.X)?.favorite).toBe(true),
  },
  {
    name: 'delete',
    onX: true,
    run: (s, w) => Promise.all([s.changes.removeAccount(w.ids.X), s.changes.removeAccount(w.ids.H)]),
    holds: (after, w) => {
      expect(get(after, w.ids.X)).toBeUndefined();
      expect(get(after, w.ids.H)).toBeUndefined();
    },
  },
  {
    name: 'import',
    onX: false,
    run: (s, _w, tab) =>
      s.changes.addAccounts([1, 2, 3, 4, 5].map((i) => draft({ issuer: `Import ${tab}${i}`, name: 'n' }))),
    holds: (after, _w, tab) => {
      for (const i of [1, 2, 3, 4, 5]) expect(after.has(`Import ${tab}${i}`), `Import ${tab}${i}`).toBe(true);
    },
  },
  {
    name: 'reorder',
    onX: false,
    run: (s, w) => s.changes.reorder([w.ids.Z, w.ids.Y]),
    holds: (after, w) => {
      const y = get(after, w.ids.Y)!;
      const z = get(after, w.ids.Z)!;
      expect(z.order).toBeLessThan(y.order);
    },
  },
];

const BASE: AccountDraft[] = [
  draft({ issuer: 'X', name: 'x' }),
  draft({ issuer: 'Y', name: 'y', secret: draft().secret }),
  draft({ issuer: 'Z', name: 'z' }),
  draft({ issuer: 'H', name: 'h', type: 'hotp' }),
];

let locks: ReturnType<typeof fakeLocks>;

beforeEach(() => {
  freshIndexedDb();
  locks = fakeLocks();
  vi.stubGlobal('navigator', { locks });
});

afterEach(() => {
  closeTabChannel();
  vi.unstubAllGlobals();
});

async function opened(): Promise<Session> {
  const session = new Session({ kdf });
  await session.start();
  await session.unlock(PASSWORD);
  return session;
}

/** The stored vault as a third tab unlocking now sees it, by issuer. */
async function storedByIssuer(): Promise<Map<string, Account>> {
  const third = await opened();
  const accounts = new Map(third.state.value.accounts.map((a) => [a.issuer, a] as const));
  // Every account the state record names has a title, and no title is left of a deleted one.
  expect(Object.keys(third.vaultData.titles).sort()).toEqual(third.state.value.accounts.map((a) => a.id).sort());
  third.lock();
  return accounts;
}

const pairs = KINDS.flatMap((a, i) => KINDS.slice(i).map((b) => [a, b] as const));

describe('two tabs changing the vault at once', () => {
  it.each(pairs.map(([a, b]) => [`${a.name} + ${b.name}`, a, b] as const))('%s', async (_name, a, b) => {
    for (let round = 0; round < ROUNDS; round++) {
      freshIndexedDb();
      const setup = new Session({ kdf });
      await setup.start();
      await setup.create(PASSWORD);
      const added = await setup.changes.addAccounts(BASE);
      const w: World = { ids: { X: added[0]!.id, Y: added[1]!.id, Z: added[2]!.id, H: added[3]!.id } };
      setup.lock();
      const [tabA, tabB] = [await opened(), await opened()];

      // A change refused because the other tab deleted its account first is the right answer, not a failure.
      const results = await Promise.allSettled([a.run(tabA, w, 'A'), b.run(tabB, w, 'B')]);
      for (const result of results) {
        if (result.status === 'rejected') expect(String(result.reason)).toMatch(/no longer exists/);
      }
      await locks.idle();
      const after = await storedByIssuer();
      const deleted = a.name === 'delete' || b.name === 'delete';
      for (const [kind, tab, other] of [
        [a, 'A', b.name],
        [b, 'B', a.name],
      ] as const) {
        if (deleted && kind.onX && kind.name !== 'delete') continue;
        kind.holds(after, w, tab, other);
      }
      if (deleted) {
        expect(get(after, w.ids.X), 'a deletion is not undone by a stale write').toBeUndefined();
      }
      tabA.lock();
      tabB.lock();
      closeTabChannel();
    }
  });
});
