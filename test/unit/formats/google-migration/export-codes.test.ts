import { describe, expect, it } from 'vitest';
import { MAX_LINK_LENGTH, transferCodes } from '../../../../src/formats/google-migration/export-codes';
import type { AccountDraft } from '../../../../src/core/account';
import { decodeMigrationLink } from '../../../../src/formats/google-migration/payload';
import { b32 } from '../../../support/brands';

const account = (i: number, nameLength = 10): AccountDraft => ({
  type: 'totp',
  secret: b32(`JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PX${'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[i % 32]}`),
  issuer: `Issuer ${i}`,
  name: `n${i}`.padEnd(nameLength, 'x'),
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
});

describe('transferCodes', () => {
  it.each([
    [1, 1],
    [10, 1],
    [11, 2],
    [25, 3],
  ])('%i ordinary accounts fill %i codes of 10', (count, codes) => {
    const { links } = transferCodes(
      Array.from({ length: count }, (_, i) => account(i)),
      { batchId: 5 },
    );
    expect(links).toHaveLength(codes);
    expect(decodeMigrationLink(links[0]!).accounts).toHaveLength(Math.min(10, count));
  });

  it('puts fewer accounts in a code when long names would make it too dense', () => {
    const accounts = Array.from({ length: 10 }, (_, i) => account(i, 120));
    const { links } = transferCodes(accounts);
    expect(links.length).toBeGreaterThan(1);
    for (const link of links) expect(link.length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
    expect(links.flatMap((link) => decodeMigrationLink(link).accounts)).toEqual(accounts);
  });

  it('lists what Google Authenticator cannot hold, with the reason', () => {
    const { links, leftOut } = transferCodes([
      { ...account(1), type: 'steam', digits: 5 },
      { ...account(2), period: 60 },
    ]);
    expect(links).toEqual([]);
    expect(leftOut.map((l) => l.reason)).toEqual([expect.stringMatching(/Steam/), expect.stringMatching(/60 seconds/)]);
  });
});
