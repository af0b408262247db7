import { useEffect, useRef } from 'preact/hooks';
import { AppBar } from '../components/AppBar';
import { accountTitle, type Account } from '../../core/account';
import { t } from '../i18n/t';

/** Deleting is final at the service's end too: say plainly that two-factor login stays on there. */
export function ConfirmDelete({
  account,
  onConfirm,
  onCancel,
}: {
  account: Account;
  onConfirm(): void;
  onCancel(): void;
}) {
  const title = accountTitle(account);
  const cancel = useRef<HTMLButtonElement>(null);
  // Focus starts on the safe choice, so a stray Enter does not delete.
  useEffect(() => cancel.current?.focus(), []);
  return (
    <main class="screen narrow">
      <AppBar title={t('delete.title', { name: title })} onBack={onCancel} />
      <p class="warning">{t('delete.warning', { service: account.issuer || t('delete.theService') })}</p>
      <p class="hint">{t('delete.undo')}</p>
      <div class="actions">
        <button ref={cancel} type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" class="danger" onClick={onConfirm}>
          {t('delete.confirm', { name: title })}
        </button>
      </div>
    </main>
  );
}
