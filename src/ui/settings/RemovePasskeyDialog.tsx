import { useEffect, useRef } from 'preact/hooks';
import type { PasskeyInfo } from '../../app/session/snapshot';
import { t } from '../i18n/t';
import { passkeyName } from './passkey-name';

/** Asks before a passkey is removed (a modal <dialog>: role="dialog"); focus starts on Cancel, the safe choice. */
export function RemovePasskeyDialog({
  passkey,
  onConfirm,
  onCancel,
}: {
  passkey: PasskeyInfo;
  onConfirm(): void;
  onCancel(): void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
    cancel.current?.focus();
    return () => dialog.current?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      class="reconfirm"
      aria-labelledby="remove-passkey-title"
      // Escape closes a modal dialog: that is a Cancel.
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="remove-passkey-title">{t('passkeys.removeTitle', { name: passkeyName(passkey.label) })}</h2>
      <p>{t('passkeys.removeWhy')}</p>
      <div class="actions">
        <button ref={cancel} type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" class="danger" onClick={onConfirm}>
          {t('passkeys.removeConfirm')}
        </button>
      </div>
    </dialog>
  );
}
