/**
 * errorMessage: English speakers read the error's own sentence; any other language reads the catalog's sentence
 * for the code, a sync problem by `detail.problem` and a file error by what the file was for.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LatchkeyError } from '../../../../src/core/errors';
import { SyncError } from '../../../../src/sync/errors';
import { errorMessage } from '../../../../src/ui/components/Alert';
import { loadCatalog } from '../../../../src/ui/i18n/chunks';
import { shellMessages } from '../../../../src/ui/i18n/en-shell';
import { setCatalog } from '../../../../src/ui/i18n/t';
import '../../../../src/ui/i18n/uses-app';

const notPicture = new LatchkeyError('unsupported-format', 'This file is not a picture Latchkey can open.');
const offline = new SyncError('unauthorized', 'dav.example did not accept the username or app password (401).', 401);

afterEach(() => setCatalog('en', {}));

describe('errorMessage', () => {
  it('says the error’s own English sentence in English', () => {
    expect(errorMessage(notPicture, 'icon')).toBe('This file is not a picture Latchkey can open.');
    expect(errorMessage(offline)).toContain('(401)');
  });

  it.each([
    [notPicture, undefined, 'Latchkey erkennt diese Datei nicht'],
    [notPicture, 'icon' as const, 'kein Bild, das Latchkey als Icon verwenden kann'],
    [notPicture, 'iconPack' as const, 'kein Aegis-Icon-Paket'],
    [new LatchkeyError('passkey-cancelled', 'x'), undefined, 'Der Passkey wurde nicht verwendet'],
    [new LatchkeyError('locked', 'x'), 'icon' as const, 'Der Tresor ist gesperrt'],
    [offline, undefined, 'Der Server hat den Benutzernamen oder das App-Passwort nicht akzeptiert'],
  ])('in German, %s (for %s) says “%s…”', async (error, about, words) => {
    setCatalog('de', await loadCatalog('de', shellMessages));
    expect(errorMessage(error, about)).toContain(words);
  });
});
