/**
 * Every change stamps what sync needs (clocks.ts): a clock per account, a tombstone per deletion, and the changes
 * not yet in the synced copy with the version each was made from. Copying a code is not a change to sync, and
 * versions taken from the synced copy keep their stamps and count as agreed.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { Session } from '../../../../src/app/session/session';
import { stampChange, TOMBSTONE_MS } from '../../../../src/app/session/clocks';
import { emptyVaultState } from '../../../../src/app/session/vault-state';
import type { AccountId } from '../../../../src/core/account';
import { tickHlc, ZERO_HLC, type Hlc } from '../../../../src/sync/hlc';
import { FLOOR_KDF } from '../../../../src/vault/kdf-params';
import { freshIndexedDb } from '../../storage/fixtures';
import { draft } from '../../../support/drafts';

let session: Session;
let alpha: AccountId;

beforeEach(async () => {
  freshIndexedDb();
  session = new Session({ kdf: FLOOR_KDF });
  await session.start();
  await session.create('correct horse battery staple');
  const [added] = await session.changes.addAccounts([draft({ issuer: 'Alpha', type: 'hotp' })]);
  alpha = added!.id;
});

describe('changes made here', () => {
  it('a new account is stamped, and waits with the zero stamp as its base', () => {
    const { clocks, unsynced, clock, node } = session.vaultData;
    expect(clocks[alpha]).toBe(clock);
    expect(unsynced[alpha]).toBe(ZERO_HLC);
    expect(node).toMatch(/^[0-9a-f]{8}$/);
    expect(clock.endsWith(node)).toBe(true);
  });

  it('later edits get later stamps and keep the first base; a deletion leaves a tombstone', async () => {
    const first = session.vaultData.clocks[alpha]!;
    await session.changes.nextHotp(alpha);
    const second = session.vaultData.clocks[alpha]!;
    expect(second > first).toBe(true);
    expect(session.vaultData.unsynced[alpha]).toBe(ZERO_HLC);
    await session.changes.removeAccount(alpha);
    const { clocks, tombstones, unsynced } = session.vaultData;
    expect(clocks[alpha]).toBeUndefined();
    expect(tombstones[alpha]! > second).toBe(true);
    expect(unsynced[alpha]).toBe(ZERO_HLC);
  });

  it('copying a code changes no stamp', async () => {
    const before = session.vaultData.clocks[alpha];
    await session.changes.recordUse(alpha);
    expect(session.vaultData.clocks[alpha]).toBe(before);
    expect(session.state.value.accounts[0]!.useCount).toBe(1);
  });

  it('changes from sync keep their stamps and are agreed; agreement needs the same stamp', async () => {
    const theirs = tickHlc(ZERO_HLC, 9e12, 'bbbbbbbb');
    const account = session.state.value.accounts[0]!;
    const { copy } = await session.changes.fromSync(() => ({
      change: { put: [{ ...account, name: 'from B' }], synced: { clocks: { [alpha]: theirs } } },
      result: null,
    }));
    expect(copy.state.clocks[alpha]).toBe(theirs);
    expect(copy.state.unsynced[alpha]).toBeUndefined();
    // Every later stamp here is above what was seen.
    expect(copy.state.clock >= theirs).toBe(true);
    await session.changes.updateAccount(alpha, { name: 'edited here' });
    const mine = session.vaultData.clocks[alpha]!;
    expect(mine > theirs).toBe(true);
    expect(session.vaultData.unsynced[alpha]).toBe(theirs);
    const agree = (at: Hlc) =>
      session.changes.fromSync(() => ({ change: { synced: { agreed: { [alpha]: at } }, counts: false }, result: 0 }));
    await agree(theirs);
    expect(session.vaultData.unsynced[alpha]).toBe(theirs);
    await agree(mine);
    expect(session.vaultData.unsynced[alpha]).toBeUndefined();
  });
});

describe('stampChange', () => {
  const id = 'acct:1' as AccountId;
  const day = 24 * 60 * 60 * 1000;
  const at = (ms: number) => tickHlc(ZERO_HLC, ms, 'aaaaaaaa');

  it.each([
    ['an agreed deletion older than 90 days is forgotten', {}, false],
    ['one not yet in the synced copy is kept until it is', { [id]: at(1) }, true],
  ])('%s', (_name, unsynced, kept) => {
    const now = 200 * day;
    const state = {
      ...emptyVaultState(),
      node: 'aaaaaaaa',
      tombstones: { [id]: at(now - TOMBSTONE_MS - 1) },
      unsynced,
    };
    const out = stampChange({ state, put: [], remove: [], synced: undefined, unstamped: false, now });
    expect(Object.hasOwn(out.tombstones, id)).toBe(kept);
  });

  it('a deletion from the synced copy the synced copy no longer lists is forgotten, unless changed here', () => {
    const state = { ...emptyVaultState(), node: 'aaaaaaaa', tombstones: { [id]: at(5) } };
    const forget = (unsynced: Record<string, Hlc>) =>
      stampChange({
        state: { ...state, unsynced },
        put: [],
        remove: [],
        synced: { forget: [id] },
        unstamped: false,
        now: 10,
      });
    expect(forget({}).tombstones).toEqual({});
    expect(forget({ [id]: at(1) }).tombstones).toEqual({ [id]: at(5) });
  });
});
