import type { Ref } from 'preact';
import { useEffect } from 'preact/hooks';
import { typedPasswords } from './form-state';

interface Props {
  id: string;
  label: string;
  value: string;
  onInput(value: string): void;
  /** What the browser's password manager should offer: the saved password, a new one, or nothing (a file's). */
  autocomplete: 'current-password' | 'new-password' | 'off';
  invalid?: boolean;
  describedBy?: string;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
}

/**
 * The one password field: a label and a masked input, the same on every screen that asks for a password. While it
 * holds text, an update does not reload the page under it (form-state.ts), on whatever screen it is.
 */
export function PasswordField({
  id,
  label,
  value,
  onInput,
  autocomplete,
  invalid,
  describedBy,
  inputRef,
  autoFocus,
}: Props) {
  const typed = value !== '';
  useEffect(() => {
    if (!typed) return;
    typedPasswords.set(typedPasswords.value + 1);
    return () => typedPasswords.set(typedPasswords.value - 1);
  }, [typed]);
  return (
    <>
      <label for={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        type="password"
        autocomplete={autocomplete}
        value={value}
        onInput={(e) => onInput(e.currentTarget.value)}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy}
        autoFocus={autoFocus}
        spellcheck={false}
        autocapitalize="off"
      />
    </>
  );
}
