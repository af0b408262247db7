/**
 * Steam Guard secrets: a Steam Desktop Authenticator `.maFile` (`{shared_secret, account_name, …}`) or the Steam
 * app's own Steamguard file (`{accounts: {id: {shared_secret, account_name, …}}}`). `shared_secret` is Base64 of
 * the HMAC key; Latchkey stores it as Base32. Other fields (identity_secret, revocation_code) are for trading
 * and account recovery, not for sign-in codes, so they are not imported: the original file stays the place for them.
 */
import { encodeBase32 } from '../core/base32';
import { LatchkeyError } from '../core/errors';
import { brokenJson } from './shared/loose';
import type { Importer } from './types';
import { convertEach, entryLabel, text, toDraft } from './shared/drafts';
import { isRecord, readBase64Field } from './shared/bytes';

const BROKEN = brokenJson(['shared_secret', 'account_name']);
const APP = 'Steam';

function isMaFile(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && typeof value.shared_secret === 'string' && 'account_name' in value;
}

function isSteamAppFile(json: unknown): json is { accounts: Record<string, unknown> } {
  return isRecord(json) && isRecord(json.accounts) && Object.values(json.accounts).some(isMaFile);
}

function maFiles(json: unknown): unknown[] {
  if (isMaFile(json)) return [json];
  return isSteamAppFile(json) ? Object.values(json.accounts) : [];
}

export const steamImporter: Importer = {
  id: 'steam',
  label: APP,
  detect: (input) => isMaFile(input.json) || isSteamAppFile(input.json) || BROKEN.detect(input),
  isEncrypted: () => false,
  async parse(input) {
    BROKEN.refuse(input, APP);
    const { accounts, problems } = convertEach(
      maFiles(input.json),
      (entry, i) => (isRecord(entry) ? entryLabel(APP, entry.account_name, `account ${i + 1}`) : `account ${i + 1}`),
      (entry) => {
        if (!isRecord(entry) || typeof entry.shared_secret !== 'string') {
          throw new LatchkeyError('missing-secret', 'It has no Steam shared secret.');
        }
        let key: Uint8Array;
        try {
          key = readBase64Field(entry.shared_secret);
        } catch {
          throw new LatchkeyError('bad-secret', 'Its Steam shared secret is not valid Base64.');
        }
        return toDraft({ type: 'steam', secret: encodeBase32(key), issuer: APP, name: text(entry.account_name) });
      },
    );
    return { format: APP, accounts, problems };
  },
};
