import { useEffect, useState } from 'preact/hooks';
import { needsPassword } from '../../app/reverify';
import type { Session } from '../../app/session/session';
import { Observable } from '../../lib/observable';
import { useSession } from './session-context';

/**
 * The one gate before anything that shows a secret, writes one in plaintext, or encrypts the accounts under a new
 * password (app/reverify.ts says when it applies). The question is asked by ReconfirmDialog, the one dialog.
 */
export interface ReconfirmRequest {
  /** The whole question, translated: "Enter your password to show this account’s QR code." */
  purpose: string;
  resolve(confirmed: boolean): void;
}

export const reconfirmRequest = new Observable<ReconfirmRequest | null>(null);

/** Resolves true at once when the password was confirmed within the last minute; otherwise asks for it. */
export function confirmIdentity(session: Session, purpose: string): Promise<boolean> {
  if (!needsPassword(session.state.value.verifiedAt)) return Promise.resolve(true);
  return new Promise((resolve) => {
    reconfirmRequest.value?.resolve(false); // one question at a time: an older one counts as cancelled
    reconfirmRequest.set({ purpose, resolve });
  });
}

/**
 * For a screen that shows secrets: asks when it opens, and leaves (`onCancel`) if the person does not confirm.
 * Returns whether the secrets may be shown.
 */
export function useReconfirmed(purpose: string, onCancel: () => void): boolean {
  const session = useSession();
  const [confirmed, setConfirmed] = useState(() => !needsPassword(session.state.value.verifiedAt));
  useEffect(() => {
    if (confirmed) return;
    let live = true;
    void confirmIdentity(session, purpose).then((ok) => {
      if (!live) return;
      if (ok) setConfirmed(true);
      else onCancel();
    });
    return () => {
      live = false;
    };
  }, []);
  return confirmed;
}
