/** The refusals every encrypted importer shares, each a sentence that says what to do. */
import { LatchkeyError } from '../../core/errors';

export const WRONG_PASSWORD = 'That backup password is not right. Check it (letters are case-sensitive) and try again.';

export function wrongPassword(message = WRONG_PASSWORD): LatchkeyError {
  return new LatchkeyError('wrong-password', message);
}

export function damagedFile(detail: string): LatchkeyError {
  return new LatchkeyError('damaged-file', `${detail} The file may be damaged or cut short; export it again.`);
}

export function passwordRequired(app: string): LatchkeyError {
  return new LatchkeyError(
    'password-required',
    `This ${app} file is encrypted. Enter the password you chose when you exported it.`,
  );
}
