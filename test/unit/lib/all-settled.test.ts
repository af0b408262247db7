import { describe, expect, it } from 'vitest';
import { allSettledOrThrow } from '../../../src/lib/all-settled';

const later = <T>(ms: number, value: T, fail = false) =>
  new Promise<T>((resolve, reject) => setTimeout(() => (fail ? reject(value) : resolve(value)), ms));

describe('allSettledOrThrow', () => {
  it.each([
    { name: 'all fulfilled: the values in order', parts: [later(5, 'a'), later(1, 'b')], expected: ['a', 'b'] },
    { name: 'no promises', parts: [], expected: [] },
    { name: 'plain values pass through', parts: [1, later(1, 2)], expected: [1, 2] },
  ])('$name', async ({ parts, expected }) => {
    expect(await allSettledOrThrow(parts)).toEqual(expected);
  });

  it.each([
    { name: 'one failure', parts: () => [later(1, 'x', true), later(2, 'b')], reason: 'x' },
    {
      name: 'two failures: the first in the order given',
      parts: () => [later(9, 'late', true), later(1, 'early', true)],
      reason: 'late',
    },
  ])('$name', async ({ parts, reason }) => {
    await expect(allSettledOrThrow(parts())).rejects.toBe(reason);
  });

  it('rejects only once the slower part has settled (Promise.all would reject at the first failure)', async () => {
    let slowDone = false;
    const slow = later(30, 'slow').then((value) => {
      slowDone = true;
      return value;
    });
    await expect(allSettledOrThrow([Promise.reject(new Error('fast')), slow])).rejects.toThrow('fast');
    expect(slowDone).toBe(true);
  });
});
