/**
 * Every refusal in Latchkey is a coded error with a sentence a person understands: the code is for tests and
 * branching, the message is for the screen. Expected outcomes (no QR code found, code not matched) are return
 * values, not errors.
 */
export type ErrorCode =
  // otpauth links and secrets
  | 'not-otpauth'
  | 'input-too-long'
  | 'missing-secret'
  | 'bad-secret'
  | 'bad-digits'
  | 'bad-period'
  | 'bad-counter'
  | 'bad-algorithm'
  | 'bad-type'
  | 'bad-label'
  // vault
  | 'wrong-password'
  | 'bad-header'
  | 'kdf-params'
  | 'damaged-record'
  | 'storage-unavailable'
  | 'quota-exceeded'
  | 'locked'
  | 'empty-password'
  | 'kdf-failed'
  | 'reload-needed'
  // passkeys (WebAuthn PRF slots)
  | 'passkey-unknown'
  | 'passkey-damaged'
  | 'passkey-limit'
  | 'passkey-cancelled'
  | 'passkey-unsupported'
  | 'passkey-exists'
  // files
  | 'unsupported-format'
  | 'damaged-file'
  | 'password-required'
  | 'bad-migration'
  // a file too large, too deep or holding too many accounts to read safely
  | 'too-large'
  // an entry deliberately left out of an import (e.g. in the other app's trash); shown as a problem line
  | 'entry-skipped'
  // sync with the person's own storage could not be done; `detail.problem` says what (src/sync/errors.ts)
  | 'sync-failed'
  // a change the other synced devices could not follow (a new master key) refused while sync is on
  | 'sync-blocks';

export class LatchkeyError extends Error {
  override readonly name = 'LatchkeyError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function isLatchkeyError(value: unknown, code?: ErrorCode): value is LatchkeyError {
  return value instanceof LatchkeyError && (code === undefined || value.code === code);
}
