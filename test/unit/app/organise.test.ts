import { describe, expect, it } from 'vitest';
import type { Account } from '../../../src/core/account';
import { SORT_MODES, type SortMode } from '../../../src/app/settings';
import { firstIds, matchesSearch, sortAccounts } from '../../../src/app/organise';
import { blockBounds, moveWithinBlock, reconcile } from '../../../src/ui/list/reorder';
import { accountId, b32 } from '../../support/brands';

function account(id: string, patch: Partial<Account> = {}): Account {
  return {
    id: accountId(id),
    type: 'totp',
    secret: b32('JBSWY3DPEHPK3PXP'),
    issuer: id,
    name: `${id}@example.com`,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
    createdAt: 0,
    updatedAt: 0,
    order: 0,
    ...patch,
  };
}

describe('matchesSearch', () => {
  const a = account('GitHub', { name: 'octo', note: 'Recovery codes in the safe', group: 'Work' });
  it.each([
    ['', true],
    ['   ', true],
    ['git', true],
    ['GITHUB', true],
    ['oct', true],
    ['safe', true],
    ['work', true],
    [' hub ', true],
    ['gitlab', false],
    ['home', false],
  ])('%j → %s', (query, expected) => expect(matchesSearch(a, query)).toBe(expected));

  it('an account without note or group is still searchable by name', () => {
    expect(matchesSearch(account('Bank'), 'bank@')).toBe(true);
  });
});

describe('sortAccounts', () => {
  const list = [
    account('beta', { order: 2, useCount: 5, usedAt: 100 }),
    account('Alpha', { order: 3, name: 'zed', useCount: 1, usedAt: 300 }),
    account('gamma', { order: 1, name: 'amy', favorite: true, useCount: 0 }),
    account('delta', { order: 0, name: 'bob', usedAt: 200 }),
    account('Item 10', { order: 4, name: 'n10' }),
    account('Item 9', { order: 5, name: 'n9' }),
  ];
  const ids = (mode: SortMode) => sortAccounts(list, mode).map((a) => a.id);

  it.each<[SortMode, string[]]>([
    ['custom', ['gamma', 'delta', 'beta', 'Alpha', 'Item 10', 'Item 9']],
    ['issuer', ['gamma', 'Alpha', 'beta', 'delta', 'Item 9', 'Item 10']],
    ['account', ['gamma', 'beta', 'delta', 'Item 9', 'Item 10', 'Alpha']],
    ['most-used', ['gamma', 'beta', 'Alpha', 'delta', 'Item 10', 'Item 9']],
    ['recent', ['gamma', 'Alpha', 'delta', 'beta', 'Item 10', 'Item 9']],
  ])('%s, favourites first', (mode, expected) => expect(ids(mode)).toEqual(expected));

  it('returns a new array and leaves the input alone', () => {
    const before = list.map((a) => a.id);
    expect(sortAccounts(list, 'issuer')).not.toBe(list);
    expect(list.map((a) => a.id)).toEqual(before);
  });
});

describe('custom order moves', () => {
  const favs = new Set(['f1', 'f2']);
  const isFav = (id: string) => favs.has(id);
  const ids = ['f1', 'f2', 'a', 'b', 'c'];

  it.each<[string, number, number, string[]]>([
    ['down one', 2, 3, ['f1', 'f2', 'b', 'a', 'c']],
    ['up one', 4, 3, ['f1', 'f2', 'a', 'c', 'b']],
    ['to the end of its block', 2, 99, ['f1', 'f2', 'b', 'c', 'a']],
    ['a plain account cannot rise above the favourites', 2, 0, ids],
    ['a favourite cannot sink below the plain accounts', 1, 4, ['f1', 'f2', 'a', 'b', 'c']],
    ['favourites swap among themselves', 1, 0, ['f2', 'f1', 'a', 'b', 'c']],
    ['the first plain account cannot go up', 2, 1, ids],
    ['an index out of range moves nothing', 7, 0, ids],
  ])('%s', (_, from, to, expected) => {
    expect(moveWithinBlock(ids, isFav, from, to)).toEqual(expected);
  });

  it('returns the very same array when nothing moves, so callers can skip saving', () => {
    expect(moveWithinBlock(ids, isFav, 2, 1)).toBe(ids);
    expect(moveWithinBlock(ids, isFav, 3, 3)).toBe(ids);
  });

  it.each<[number, [number, number]]>([
    [0, [0, 1]],
    [1, [0, 1]],
    [2, [2, 4]],
    [4, [2, 4]],
  ])('block of index %i is %j', (index, bounds) => expect(blockBounds(ids, isFav, index)).toEqual(bounds));

  it.each<[string, string[], string[], string[]]>([
    ['unchanged', ['a', 'b'], ['b', 'a'], ['a', 'b']],
    ['a removed account disappears', ['a', 'b', 'c'], ['c', 'a'], ['a', 'c']],
    ['a new account goes last', ['a', 'b'], ['x', 'a', 'b'], ['a', 'b', 'x']],
  ])('reconcile: %s', (_, current, present, expected) => expect(reconcile(current, present)).toEqual(expected));

  it('reconcile keeps the same array when nothing changed', () => {
    const current = ['a', 'b'];
    expect(reconcile(current, ['b', 'a'])).toBe(current);
  });
});

describe('firstIds', () => {
  // Added in the order c, a, b; used most: b; used last: a; pinned: none, then c.
  const accounts = [
    account('Charlie', { order: 0, useCount: 1, usedAt: 10 }),
    account('Alpha', { order: 1, name: 'zed', useCount: 2, usedAt: 30 }),
    account('Bravo', { order: 2, name: 'amy', useCount: 5, usedAt: 20 }),
  ];

  it.each<[SortMode, string[]]>([
    ['custom', ['Charlie', 'Alpha']],
    ['issuer', ['Alpha', 'Bravo']],
    ['account', ['Bravo', 'Charlie']],
    ['most-used', ['Bravo', 'Alpha']],
    ['recent', ['Alpha', 'Bravo']],
  ])('the first screen in %s order is %j', (mode, ids) => {
    expect(firstIds(accounts, mode, 2)).toEqual(ids);
  });

  it('puts a pinned account first in every order', () => {
    const pinned = [...accounts.slice(0, 2), { ...accounts[2]!, favorite: true }];
    expect(SORT_MODES.map((mode) => firstIds(pinned, mode, 1))).toEqual([
      ['Bravo'],
      ['Bravo'],
      ['Bravo'],
      ['Bravo'],
      ['Bravo'],
    ]);
  });

  it('names every account of a list shorter than the count', () => {
    expect(firstIds(accounts, 'custom', 40)).toEqual(['Charlie', 'Alpha', 'Bravo']);
  });
});
