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
  /**
   * Why it is asked: the dialog says the whole question in the language in use, worded for the password alone or
   * for a passkey or the password (en-app.ts: `reconfirm.<purpose>`, `reconfirm.<purpose>.passkey`).
   */
  purpose: ReconfirmPurpose;
  resolve(confirmed: boolean): void;
}

export type ReconfirmPurpose = 'transferQr' | 'showQr' | 'autoBackup' | 'plainExport' | 'backup' | 'secret';

export const reconfirmRequest = new Observable<ReconfirmRequest | null>(null);

/** Resolves true at once when the password was confirmed within the last minute; otherwise asks for it. */
export function confirmIdentity(session: Session, purpose: ReconfirmPurpose): Promise<boolean> {
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
export function useReconfirmed(purpose: ReconfirmPurpose, onCancel: () => void): boolean {
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
