import { describe, expect, it } from 'vitest';
import { sanitizeVaultState } from '../../../../src/app/session/state-sanitize';

describe('sanitizeVaultState', () => {
  it.each<[string, unknown, object]>([
    ['nothing stored', null, { titles: {}, firstScreen: {}, groups: [], changesSinceBackup: 0 }],
    [
      'valid titles are kept as they are',
      { titles: { 'acct:1': 'GitHub (octo)', 'acct:2': 'Bank' } },
      { titles: { 'acct:1': 'GitHub (octo)', 'acct:2': 'Bank' } },
    ],
    [
      'a title that is not text is dropped, the others kept',
      { titles: { 'acct:1': 'GitHub', 'acct:2': 42, 'acct:3': null } },
      { titles: { 'acct:1': 'GitHub' } },
    ],
    ['titles that are not an object', { titles: 'GitHub' }, { titles: {} }],
    [
      'first screens of known sort orders with id lists are kept',
      { firstScreen: { custom: ['acct:1', 'acct:2'], issuer: ['acct:2'] } },
      { firstScreen: { custom: ['acct:1', 'acct:2'], issuer: ['acct:2'] } },
    ],
    [
      'an unknown order, or a list holding other than ids, is dropped',
      { firstScreen: { custom: ['acct:1', 7], random: ['acct:1'], recent: 'acct:1', account: ['acct:3'] } },
      { firstScreen: { account: ['acct:3'] } },
    ],
    ['a first screen that is not an object', { firstScreen: ['acct:1'] }, { firstScreen: {} }],
  ])('%s', (_, stored, expected) => {
    const state = sanitizeVaultState(stored) as unknown as Record<string, unknown>;
    // Field by field with toEqual: toMatchObject would let an extra (unsanitised) entry through.
    for (const [field, value] of Object.entries(expected)) expect(state[field], field).toEqual(value);
  });
});
