import { PasswordField } from '../components/PasswordField';
import { t } from '../i18n/t';

export interface LoginValues {
  url: string;
  username: string;
  password: string;
}

interface Props {
  ids: string;
  values: LoginValues;
  onChange(values: LoginValues): void;
}

/** Server URL, Username and App password: the same three fields for Connect and for Join. */
export function SyncLoginFields({ ids, values, onChange }: Props) {
  return (
    <>
      <label for={`${ids}-url`}>{t('sync.url')}</label>
      <input
        id={`${ids}-url`}
        type="url"
        inputMode="url"
        autocomplete="url"
        placeholder="https://cloud.example.com/remote.php/dav/files/you/Latchkey/"
        spellcheck={false}
        autocapitalize="off"
        value={values.url}
        onInput={(e) => onChange({ ...values, url: e.currentTarget.value })}
        aria-describedby={`${ids}-url-hint`}
      />
      <p class="hint" id={`${ids}-url-hint`}>
        {t('sync.urlHint')}
      </p>
      <label for={`${ids}-user`}>{t('sync.username')}</label>
      <input
        id={`${ids}-user`}
        type="text"
        autocomplete="username"
        spellcheck={false}
        autocapitalize="off"
        value={values.username}
        onInput={(e) => onChange({ ...values, username: e.currentTarget.value })}
      />
      <PasswordField
        id={`${ids}-app-password`}
        label={t('sync.appPassword')}
        autocomplete="off"
        value={values.password}
        onInput={(password) => onChange({ ...values, password })}
      />
    </>
  );
}
