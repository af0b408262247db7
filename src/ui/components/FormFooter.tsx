import { t } from '../i18n/t';
interface Props {
  /** The submit button's text, and its text while the action runs. */
  submit: string;
  busyText?: string;
  busy?: boolean;
  disabled?: boolean;
  /** Without it there is no Cancel button. */
  onCancel?(): void;
  cancel?: string;
  /** A destructive action is drawn as one. */
  danger?: boolean;
}

/** The one form footer: Cancel (when there is a way back) and the primary action, in that order, on every form. */
export function FormFooter({
  submit,
  busyText,
  busy = false,
  disabled = false,
  onCancel,
  cancel = t('common.cancel'),
  danger,
}: Props) {
  return (
    <div class="actions">
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {cancel}
        </button>
      )}
      <button type="submit" class={danger ? 'danger' : 'primary'} disabled={busy || disabled}>
        {busy && busyText ? busyText : submit}
      </button>
    </div>
  );
}
