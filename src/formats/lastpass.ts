/**
 * LastPass Authenticator export (version 3): `{deviceId, localDeviceId, version, accounts: [{issuerName,
 * originalIssuerName, userName, originalUserName, secret, timeStep, digits, algorithm, isFavorite,
 * folderData: {folderId}}], folders: [{id, name}]}`. The user-edited names win over the original ones when set.
 * Folders 0 ("Other accounts") and 1 ("Favorites") are LastPass's built-in ones and do not become groups.
 */
import { LatchkeyError } from '../core/errors';
import { brokenJson } from './shared/loose';
import type { Importer } from './types';
import { convertEach, entryLabel, text, toDraft } from './shared/drafts';
import { isRecord } from './shared/bytes';

const BROKEN = brokenJson(['localDeviceId', 'accounts']);
const APP = 'LastPass Authenticator';
const BUILT_IN_FOLDERS = new Set([0, 1]);

function isExport(json: unknown): json is { accounts: unknown[] } & Record<string, unknown> {
  return (
    isRecord(json) &&
    Array.isArray(json.accounts) &&
    ('localDeviceId' in json || 'deviceSecret' in json) &&
    json.accounts.every((a) => isRecord(a) && 'secret' in a)
  );
}

function folderNames(folders: unknown): Map<unknown, string> {
  const names = new Map<unknown, string>();
  for (const folder of Array.isArray(folders) ? folders : []) {
    if (isRecord(folder) && !BUILT_IN_FOLDERS.has(folder.id as number)) names.set(folder.id, text(folder.name));
  }
  return names;
}

export const lastPassImporter: Importer = {
  id: 'lastpass',
  label: APP,
  detect: (input) => isExport(input.json) || BROKEN.detect(input),
  isEncrypted: () => false,
  async parse(input) {
    BROKEN.refuse(input, APP);
    const json = isExport(input.json) ? input.json : { accounts: [] as unknown[], folders: [] };
    const folders = folderNames(json.folders);
    const issuerOf = (a: Record<string, unknown>) => text(a.issuerName) || text(a.originalIssuerName);
    const nameOf = (a: Record<string, unknown>) => text(a.userName) || text(a.originalUserName);
    const { accounts, problems } = convertEach(
      json.accounts,
      (a, i) => (isRecord(a) ? entryLabel(issuerOf(a), nameOf(a), `account ${i + 1}`) : `account ${i + 1}`),
      (a) => {
        if (!isRecord(a)) throw new LatchkeyError('missing-secret', 'It has no secret key.');
        return toDraft({
          secret: a.secret,
          issuer: issuerOf(a),
          name: nameOf(a),
          algorithm: a.algorithm,
          digits: a.digits,
          period: a.timeStep,
          favorite: a.isFavorite,
          group: isRecord(a.folderData) ? folders.get(a.folderData.folderId) : undefined,
        });
      },
    );
    return { format: APP, accounts, problems };
  },
};
