import type { ComponentChildren } from 'preact';
import { FileUp } from './icons';

interface Props {
  id: string;
  /** The input's accessible name (ui-contract.md: `Import file`, `QR code image`). */
  label: string;
  /** What the button says. */
  text: string;
  onFile(file: File): void;
  accept?: string;
  primary?: boolean;
  /** A full-width, tall button, as among Add account's choices. */
  big?: boolean;
  icon?: ComponentChildren;
}

/**
 * A file input drawn as one of the app's buttons (the browser's own "Choose File / No file chosen" is not): the
 * input stays in the page, focusable and named, and its label is the button people see (styles.css draws the
 * focus ring on the label).
 */
export function FilePicker({ id, label, text, onFile, accept, primary = false, big = false, icon }: Props) {
  return (
    <span class="file-picker">
      <input
        id={id}
        class="visually-hidden"
        type="file"
        accept={accept}
        aria-label={label}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
      <label class={['button', big && 'big', primary && 'primary'].filter(Boolean).join(' ')} for={id}>
        {icon ?? <FileUp size={20} aria-hidden="true" />}
        {text}
      </label>
    </span>
  );
}
