import { accountTitle, sameCodes, sameName, type Account, type AccountDraft, type AccountId } from '../../core/account';
import { useSession, useSnapshot } from '../components/session-context';
import { useAction } from '../components/useAction';
import { showToast } from '../components/toast';
import { t } from '../i18n/t';

export interface DraftSaver {
  /** An account already stored that makes the same codes, or else one with the same names. */
  duplicate: Account | undefined;
  sameKey: boolean;
  busy: boolean;
  error: string | null;
  /** Saves the draft as a new account, or in place of `replaceId`; resolves true once stored. */
  save(replaceId?: AccountId): Promise<boolean>;
}

/** Saving one new account, from the review screen or straight from the manual form, with the duplicate check. */
export function useDraftSaver(draft: AccountDraft | null): DraftSaver {
  const session = useSession();
  const { accounts } = useSnapshot();
  const { busy, error, run } = useAction();
  const sameKeyAs = draft ? accounts.find((a) => sameCodes(a, draft)) : undefined;
  const duplicate = sameKeyAs ?? (draft ? accounts.find((a) => sameName(a, draft)) : undefined);

  async function save(replaceId?: AccountId) {
    if (!draft) return false;
    const saved = await run(() =>
      replaceId ? session.changes.replaceAccount(replaceId, draft) : session.changes.addAccounts([draft]),
    );
    if (saved) void showToast(t('saver.saved', { name: draft.issuer || draft.name || t('saver.theAccount') }));
    return saved;
  }

  return { duplicate, sameKey: Boolean(sameKeyAs), busy, error, save };
}

/** "You already have …", with the way to replace it instead of keeping both. */
export function DuplicateNote({ saver, onSaved }: { saver: DraftSaver; onSaved(): void }) {
  const { duplicate, sameKey, busy } = saver;
  if (!duplicate) return null;
  return (
    <div class="warning" role="note">
      <p>{t(sameKey ? 'saver.sameKey' : 'saver.sameName', { name: accountTitle(duplicate) })}</p>
      <button
        type="button"
        disabled={busy}
        onClick={() => void saver.save(duplicate.id).then((saved) => saved && onSaved())}
      >
        {t('saver.replace')}
      </button>
    </div>
  );
}
