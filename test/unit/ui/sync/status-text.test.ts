/**
 * The sync status line in words: English exactly as before it was translated (sync.spec.ts reads these), and
 * other languages from their catalog, a problem by its code rather than the English sentence with the server's name.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../../src/app/sync/controller';
import { loadCatalog } from '../../../../src/ui/i18n/chunks';
import { shellMessages } from '../../../../src/ui/i18n/en-shell';
import { setCatalog } from '../../../../src/ui/i18n/t';
import '../../../../src/ui/i18n/uses-app';
import { syncStatusText } from '../../../../src/ui/sync/status-text';

const now = Date.UTC(2026, 11, 7, 12);
const ago = (minutes: number) => now - minutes * 60_000;
const problem = (p: 'offline' | 'unreachable' | 'unauthorized', waiting: number): SyncStatus => ({
  kind: 'problem',
  problem: p,
  waiting,
  lastAt: null,
  message:
    p === 'unreachable'
      ? 'Latchkey cannot reach dav.example.'
      : p === 'offline'
        ? 'This device is offline.'
        : 'dav.example did not accept the username or app password (401).',
});

afterEach(() => setCatalog('en', {}));

describe('syncStatusText in English', () => {
  it.each<[SyncStatus, string]>([
    [{ kind: 'off' }, 'Sync is off.'],
    [{ kind: 'syncing', waiting: 0, lastAt: null, conditional: null }, 'Syncing…'],
    [{ kind: 'synced', waiting: 0, lastAt: ago(0), conditional: true }, 'Synced just now.'],
    [{ kind: 'synced', waiting: 0, lastAt: ago(1), conditional: null }, 'Synced 1 minute ago.'],
    [{ kind: 'synced', waiting: 0, lastAt: ago(59), conditional: true }, 'Synced 59 minutes ago.'],
    [{ kind: 'synced', waiting: 0, lastAt: ago(61), conditional: true }, 'Synced 1 hour ago.'],
    [{ kind: 'synced', waiting: 0, lastAt: ago(180), conditional: true }, 'Synced 3 hours ago.'],
    [
      { kind: 'synced', waiting: 0, lastAt: ago(0), conditional: false },
      'Synced just now (this server ignores conditional writes: Latchkey checks each write).',
    ],
    [{ kind: 'synced', waiting: 1, lastAt: ago(2), conditional: true }, 'Synced 2 minutes ago; 1 change waiting.'],
    [{ kind: 'synced', waiting: 4, lastAt: ago(0), conditional: false }, 'Synced just now; 4 changes waiting.'],
    [problem('offline', 0), 'Offline.'],
    [problem('offline', 2), 'Offline: 2 changes waiting.'],
    [problem('unreachable', 0), 'Latchkey cannot reach dav.example.'],
    [problem('unreachable', 1), 'Latchkey cannot reach dav.example: 1 change waiting.'],
    [problem('unauthorized', 0), 'dav.example did not accept the username or app password (401).'],
    [
      problem('unauthorized', 1),
      'dav.example did not accept the username or app password (401). 1 change waiting on this device.',
    ],
  ])('%o → %s', (status, expected) => {
    expect(syncStatusText(status, now)).toBe(expected);
  });
});

describe('syncStatusText in other languages', () => {
  it('says German with German numbers, relative times and the problem’s own sentence', async () => {
    setCatalog('de', await loadCatalog('de', shellMessages));
    expect(syncStatusText({ kind: 'synced', waiting: 0, lastAt: ago(3), conditional: true }, now)).toBe(
      'Synchronisiert vor 3 Minuten.',
    );
    expect(syncStatusText({ kind: 'synced', waiting: 1, lastAt: ago(0), conditional: true }, now)).toBe(
      'Synchronisiert gerade eben; 1 Änderung wartet.',
    );
    expect(syncStatusText(problem('offline', 2), now)).toBe('Offline: 2 Änderungen warten.');
    const unreachable = syncStatusText(problem('unreachable', 0), now);
    expect(unreachable).toBe('Latchkey erreicht den Server nicht. Prüfe die Adresse und die Verbindung.');
    expect(syncStatusText(problem('unauthorized', 0), now)).not.toContain('401');
  });

  it('uses every plural form Polish needs', async () => {
    setCatalog('pl', await loadCatalog('pl', shellMessages));
    const waiting = (n: number) => syncStatusText(problem('unauthorized', n), now);
    expect(waiting(1)).toContain('Oczekująca zmiana na tym urządzeniu: 1.');
    expect(waiting(3)).toContain('Oczekujące zmiany na tym urządzeniu: 3.');
    expect(waiting(5)).toContain('Oczekujących zmian na tym urządzeniu: 5.');
  });
});
