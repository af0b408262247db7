import { useState } from 'preact/hooks';
import type { AccountDraft, AccountIcon } from '../../core/account';
import { Alert, errorMessage } from '../components/Alert';
import { FilePicker } from '../components/FilePicker';
import { Avatar } from '../list/Avatar';
import { IconSearch } from './IconSearch';
import { t } from '../i18n/t';
import './change-icon.css';

interface Props {
  /** The names as they are in the form now: what the automatic icon is matched from. */
  names: Pick<AccountDraft, 'issuer' | 'name'>;
  /** The icon chosen so far; undefined for "matched from the names". */
  value: AccountIcon | undefined;
  onChange(icon: AccountIcon | undefined): void;
}

function describe(icon: AccountIcon | undefined): string {
  if (!icon) return t('icon.auto');
  if (icon.kind === 'letter') return t('icon.letter');
  if (icon.kind === 'image') return t('icon.image');
  return t('icon.brand');
}

/**
 * Edit → `Change icon`: search the brand icons (and icon packs) by name, choose an image file, go back to the
 * letter, or back to matching the name. What is chosen is saved with the rest of the form, inside the account's
 * sealed record; an image never leaves the device and is never stored in plaintext.
 */
export function ChangeIcon({ names, value, onChange }: Props) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function chooseFile(file: File) {
    setError(null);
    setBusy(true);
    try {
      // The SVG reader and the re-encoder load only now (rule 7).
      const { iconFromFile } = await import('../../app/icons/custom-icon');
      onChange(await iconFromFile(file));
    } catch (e) {
      setError(errorMessage(e, 'icon'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="change-icon">
      <div class="icon-current">
        <Avatar account={{ ...names, icon: value }} />
        <span>
          <span class="visually-hidden">{t('icon.current')} </span>
          {describe(value)}
        </span>
        <button type="button" aria-expanded={open} aria-controls="icon-picker" onClick={() => setOpen(!open)}>
          {t('icon.change')}
        </button>
      </div>
      {open && (
        <fieldset id="icon-picker" class="icon-picker" aria-busy={busy ? 'true' : undefined}>
          <legend>{t('icon.choose')}</legend>
          <IconSearch names={names} value={value} onChange={onChange} />
          <div class="icon-actions">
            <FilePicker
              id="icon-file"
              label={t('icon.file')}
              text={t('icon.chooseImage')}
              accept="image/png,image/jpeg,image/webp,image/gif,image/svg+xml,.svg"
              onFile={(file) => void chooseFile(file)}
            />
            <button type="button" aria-pressed={value?.kind === 'letter'} onClick={() => onChange({ kind: 'letter' })}>
              {t('icon.useLetter')}
            </button>
            <button type="button" aria-pressed={value === undefined} onClick={() => onChange(undefined)}>
              {t('icon.matchName')}
            </button>
          </div>
          <Alert message={error} />
        </fieldset>
      )}
    </div>
  );
}
