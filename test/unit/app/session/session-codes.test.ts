/**
 * The session's codes and HMAC keys are dropped on Lock (rule 2), including what unlocking was still computing
 * when the Lock came: a Lock in the middle of priming the first screen keeps neither its codes nor a key cache.
 */
import { describe, expect, it } from 'vitest';
import { SessionCodes } from '../../../../src/app/session/session-codes';
import type { Account } from '../../../../src/core/account';
import { accountId } from '../../../support/brands';
import { draft } from '../../../support/drafts';

const accounts: Account[] = ['Alpha', 'Bravo'].map((issuer, order) => ({
  ...draft({ issuer }),
  id: accountId(`id-${issuer}`),
  createdAt: 0,
  updatedAt: 0,
  order,
}));
const NOW = 1_111_111_109_000;

/** The key cache the codes hold, if any (private: read through Reflect rather than widened for tests). */
const keyCache = (codes: SessionCodes) => Reflect.get(codes, 'keys') as unknown;

describe('SessionCodes', () => {
  it('primes the first screen and hands it over once', async () => {
    const codes = new SessionCodes();
    await codes.prime(accounts, 'custom', NOW, false, 20);
    expect([...(codes.takePrimed()?.keys() ?? [])].sort()).toEqual(['id-Alpha', 'id-Bravo']);
    expect(codes.takePrimed()).toBeNull();
  });

  it.each([
    ['at once', 0],
    ['after a task', 1],
  ])('a Lock while priming (%s) keeps no codes and no keys', async (_, delay) => {
    const codes = new SessionCodes();
    const priming = codes.prime(accounts, 'custom', NOW, false, 20);
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    codes.clear();
    await priming;
    expect(codes.takePrimed()).toBeNull();
    expect(keyCache(codes)).toBeNull();
  });

  it('codes asked for after a Lock are still right, and their keys are not kept', async () => {
    const codes = new SessionCodes();
    const first = await codes.compute(accounts, NOW, false);
    codes.clear();
    const computing = codes.compute(accounts, NOW, false);
    codes.clear();
    expect(await computing).toEqual(first);
    expect(keyCache(codes)).toBeNull();
  });
});
