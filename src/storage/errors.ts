/** Turns IndexedDB's DOMExceptions into coded errors whose sentences say what happened and what to do. */
import { LatchkeyError } from '../core/errors';

export const QUOTA_MESSAGE =
  'Your device is out of storage space for Latchkey. Nothing was saved; free some space and try again.';

export function storageUnavailable(): LatchkeyError {
  return new LatchkeyError(
    'storage-unavailable',
    'This browser does not let Latchkey store data here, which happens in some private windows or when site data ' +
      'is blocked. Open Latchkey in a normal window, or allow site data for it, and try again.',
  );
}

export function storageClosed(): LatchkeyError {
  return new LatchkeyError(
    'reload-needed',
    'Latchkey was updated in another tab, so this tab can no longer save. Reload this page; what was saved ' +
      'before is safe.',
  );
}

function nameOf(error: unknown): string {
  return error instanceof Error || error instanceof DOMException ? error.name : '';
}

/** Maps a failed IndexedDB write or open to a LatchkeyError; programming errors (TypeError) pass through. */
export function toStorageError(error: unknown): unknown {
  if (error instanceof LatchkeyError || error instanceof TypeError) return error;
  switch (nameOf(error)) {
    case 'QuotaExceededError':
      return new LatchkeyError('quota-exceeded', QUOTA_MESSAGE);
    case 'VersionError':
      return new LatchkeyError(
        'reload-needed',
        'A newer version of Latchkey is open in another tab. Reload this page to use it; nothing was lost.',
      );
    case 'InvalidStateError':
    case 'TransactionInactiveError':
      return storageClosed();
    case 'AbortError':
    case 'UnknownError':
    case 'DataError':
    case 'DataCloneError':
    case 'ConstraintError':
      return new LatchkeyError(
        'storage-unavailable',
        "Latchkey could not save to this browser's storage. Nothing was saved; reload the page and try again.",
      );
    default:
      return error;
  }
}

/** What to say when the storage could not be opened at all: the coded error's sentence, or the usual cause. */
export function storageProblem(error: unknown): string {
  return error instanceof LatchkeyError
    ? error.message
    : 'This browser does not let Latchkey store data here (private browsing may block it). Open Latchkey in a normal window.';
}
