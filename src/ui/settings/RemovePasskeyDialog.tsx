import { useEffect, useRef } from 'preact/hooks';
import type { PasskeyInfo } from '../../app/session/snapshot';

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
      <h2 id="remove-passkey-title">Remove the passkey “{passkey.label}”?</h2>
      <p>
        It will no longer open Latchkey. Your password, and any other passkey, still do. To use this one again, add it
        again.
      </p>
      <div class="actions">
        <button ref={cancel} type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" class="danger" onClick={onConfirm}>
          Remove passkey
        </button>
      </div>
    </dialog>
  );
}
