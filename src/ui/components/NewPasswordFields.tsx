import { MIN_PASSWORD_LENGTH, passwordStrength } from './password-strength';
import '../i18n/uses-setup';
import { PasswordField } from './PasswordField';
import { t } from '../i18n/t';

interface Props {
  /** Prefix of the fields' ids, unique on the screen. */
  ids: string;
  password: string;
  confirm: string;
  onPassword(value: string): void;
  onConfirm(value: string): void;
}

/** `Password` and `Confirm password` for a new vault password, with the strength hint between them. */
export function NewPasswordFields({ ids, password, confirm, onPassword, onConfirm }: Props) {
  const strength = passwordStrength(password);
  return (
    <>
      <PasswordField
        id={`${ids}-password`}
        label={t('common.password')}
        value={password}
        onInput={onPassword}
        autocomplete="new-password"
        describedBy={`${ids}-strength`}
      />
      {/* Advice before anything is typed, a judgement (in colour, and in words) once something is. */}
      <p id={`${ids}-strength`} class={password ? `hint strength-${strength.score}` : 'hint'} aria-live="polite">
        {password ? strength.label : t('password.atLeast', { min: MIN_PASSWORD_LENGTH })}
      </p>
      <PasswordField
        id={`${ids}-confirm`}
        label={t('common.confirmPassword')}
        value={confirm}
        onInput={onConfirm}
        autocomplete="new-password"
      />
    </>
  );
}
