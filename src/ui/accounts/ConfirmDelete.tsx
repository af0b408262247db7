import { useEffect, useRef } from 'preact/hooks';
import { AppBar } from '../components/AppBar';
import { accountTitle, type Account } from '../../core/account';

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
      <AppBar title={`Delete ${title}?`} onBack={onCancel} />
      <p class="warning">
        Deleting removes the codes from Latchkey only. Two-factor login stays on at {account.issuer || 'the service'}:
        turn it off there first, or keep a backup, or you may be locked out of your account.
      </p>
      <p class="hint">You can undo for a few seconds after deleting.</p>
      <div class="actions">
        <button ref={cancel} type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" class="danger" onClick={onConfirm}>
          Delete {title}
        </button>
      </div>
    </main>
  );
}
