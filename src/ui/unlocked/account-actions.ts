import { useMemo } from 'preact/hooks';
import { accountTitle, type Account } from '../../core/account';
import type { Session } from '../../app/session/session';
import { copyText } from '../../platform/clipboard';
import type { AccountActions } from '../list/AccountItem';
import { errorMessage } from '../components/Alert';
import { showToast, tellIfFails } from '../components/toast';
import { go, home } from './navigation';
import { t } from '../i18n/t';

/** What an account row can do: copy, next HOTP code, pin, and the screens for its QR code, edit and delete. */
export function useAccountActions(session: Session): AccountActions {
  return useMemo(
    () => ({
      copy: async (account, code) => {
        const ok = await copyText(code, session.state.value.settings.clearClipboard ? { clearAfterMs: 30_000 } : {});
        if (!ok) {
          void showToast(t('toast.copyBlocked'));
          return false;
        }
        // The row shows "Copied" itself; the toast only tells screen readers, briefly, and covers nothing.
        void showToast(t('toast.copied', { name: accountTitle(account) }), { quiet: true, timeoutMs: 2500 });
        tellIfFails(session.changes.recordUse(account.id));
        return true;
      },
      nextCode: (account) => session.changes.nextHotp(account.id).catch((e) => void showToast(errorMessage(e))),
      showQr: (account) => go({ name: 'show-qr', account }),
      edit: (account) => go({ name: 'edit', account }),
      remove: (account) => go({ name: 'delete', account }),
      toggleFavorite: (account) =>
        tellIfFails(session.changes.updateAccount(account.id, { favorite: !account.favorite })),
    }),
    [session],
  );
}

/** Deletes after the confirmation screen, back on the list, with a few seconds to undo. */
export async function deleteAccount(session: Session, account: Account): Promise<void> {
  home();
  try {
    const removed = await session.changes.removeAccount(account.id);
    if (
      await showToast(t('toast.deleted', { name: accountTitle(account) }), { action: t('toast.undo'), timeoutMs: 6000 })
    ) {
      await session.changes.restoreAccount(removed);
    }
  } catch (e) {
    void showToast(errorMessage(e));
  }
}
