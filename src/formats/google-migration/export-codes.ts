/**
 * Accounts as Google Authenticator transfer links (one per QR code). Ten accounts per code, as Google
 * Authenticator's own export does, unless long names would make a code too dense for a phone camera: then fewer.
 */
import type { AccountDraft } from '../../core/account';
import { encodeMigrationPayloads, type MigrationEncodeOptions } from './payload';

export const ACCOUNTS_PER_CODE = 10;
/** About a version-25 QR code at error correction L: still read from a screen at arm's length. */
export const MAX_LINK_LENGTH = 1800;

export function transferCodes(
  accounts: readonly AccountDraft[],
  options: Omit<MigrationEncodeOptions, 'perCode'> = {},
): ReturnType<typeof encodeMigrationPayloads> {
  for (let perCode = ACCOUNTS_PER_CODE; ; perCode--) {
    const encoded = encodeMigrationPayloads(accounts, { ...options, perCode });
    if (perCode === 1 || encoded.links.every((link) => link.length <= MAX_LINK_LENGTH)) return encoded;
  }
}
