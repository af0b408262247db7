import { describe, expect, it } from 'vitest';
import { sameCodes, sameName, type AccountDraft } from '../../../src/core/account';
import { b32 } from '../../support/brands';
import { draft } from '../../support/drafts';

const BASE = draft({ issuer: 'Example', name: 'alice' });

describe('sameCodes: a duplicate is an account whose codes would be the same', () => {
  it.each<[string, Partial<AccountDraft>, boolean]>([
    ['the same account', {}, true],
    ['another name, same key and settings', { issuer: 'Other', name: 'bob' }, true],
    ['an HOTP account sharing the secret', { type: 'hotp' }, false],
    ['a Steam account sharing the secret', { type: 'steam', digits: 5 }, false],
    ['another algorithm', { algorithm: 'SHA256' }, false],
    ['other digits', { digits: 8 }, false],
    ['another period', { period: 60 }, false],
    ['another secret', { secret: b32('GEZDGNBVGY3TQOJQ') }, false],
  ])('%s: %s', (_name, change, expected) => {
    expect(sameCodes(BASE, { ...BASE, ...change })).toBe(expected);
  });

  it('an HOTP account whose counter moved on is still the same', () => {
    const hotp: AccountDraft = { ...BASE, type: 'hotp', counter: 3 };
    expect(sameCodes(hotp, { ...hotp, counter: 9 })).toBe(true);
  });
});

describe('sameName', () => {
  it.each<[string, Partial<AccountDraft>, Partial<AccountDraft>, boolean]>([
    ['same issuer and name, other case and spaces', {}, { issuer: ' example ', name: 'ALICE' }, true],
    ['another name', {}, { name: 'bob' }, false],
    ['both nameless', { issuer: '', name: '' }, { issuer: '', name: '' }, false],
  ])('%s', (_name, a, b, expected) => {
    expect(sameName({ ...BASE, ...a }, { ...BASE, ...b })).toBe(expected);
  });
});
