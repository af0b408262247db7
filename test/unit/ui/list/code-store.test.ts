import { describe, expect, it } from 'vitest';
import type { Account } from '../../../../src/core/account';
import { CodeStore } from '../../../../src/ui/list/code-store';
import { untilNextBoundary } from '../../../../src/ui/list/useCodes';

const view = (code: string, next = '', version = 'v1') => ({ code, next, version });

describe('CodeStore', () => {
  it('tells a watcher the current code at once, then only when its own code changes', () => {
    const store = new CodeStore();
    store.publish(new Map([['a', view('111111')]]));
    const seen: (string | undefined)[] = [];
    const stop = store.watch('a', 'v1', (v) => seen.push(v?.code));
    store.publish(
      new Map([
        ['a', view('111111')],
        ['b', view('222222')],
      ]),
    ); // a unchanged: no call
    store.publish(new Map([['a', view('333333')]]));
    store.publish(new Map([['a', view('333333', '444444')]])); // the next code changed
    store.publish(new Map()); // a vanished
    stop();
    store.publish(new Map([['a', view('555555')]])); // no longer watching
    expect(seen).toEqual(['111111', '333333', '333333', undefined]);
    expect(store.get('a', 'v1')?.code).toBe('555555');
  });

  it('never serves a code computed for another version of the account (before an edit)', () => {
    const store = new CodeStore();
    store.publish(new Map([['a', view('111111', '', 'v1')]]));
    const seen: (string | undefined)[] = [];
    store.watch('a', 'v2', (v) => seen.push(v?.code)); // the account's secret was edited: v2
    expect(store.get('a', 'v2')).toBeUndefined();
    store.publish(new Map([['a', view('111111', '', 'v2')]])); // same digits, but now computed for v2
    expect(seen).toEqual([undefined, '111111']);
    expect(store.get('a', 'v1')).toBeUndefined();
  });

  it('serves several watchers of one account and forgets each on its own', () => {
    const store = new CodeStore();
    const first: string[] = [];
    const second: string[] = [];
    const stopFirst = store.watch('a', 'v1', (v) => first.push(v?.code ?? '-'));
    store.watch('a', 'v1', (v) => second.push(v?.code ?? '-'));
    store.publish(new Map([['a', view('123456')]]));
    stopFirst();
    store.publish(new Map([['a', view('654321')]]));
    expect(first).toEqual(['-', '123456']);
    expect(second).toEqual(['-', '123456', '654321']);
  });
});

describe('untilNextBoundary', () => {
  const account = (type: Account['type'], period: number) => ({ type, period }) as Account;
  it.each<[string, Account[], number, number]>([
    ['30-s step, 10 s in', [account('totp', 30)], 10_000, 20_000],
    ['the shortest of several periods', [account('totp', 60), account('totp', 30)], 45_000, 15_000],
    ['Steam uses its period too', [account('steam', 30)], 29_999, 1],
    ['exactly on a boundary waits a whole period', [account('totp', 30)], 30_000, 30_000],
    ['HOTP alone never needs a timer', [account('hotp', 30)], 10_000, Infinity],
    ['no accounts', [], 10_000, Infinity],
  ])('%s', (_, accounts, now, expected) => expect(untilNextBoundary(accounts, now)).toBe(expected));
});
