import './accounts.css';
import { useState } from 'preact/hooks';
import { AppBar } from '../components/AppBar';
import type { Account, AccountIcon } from '../../core/account';
import { draftFromFields, type DraftFields } from '../../core/draft';
import { AdvancedFields } from './AdvancedFields';
import { confirmIdentity } from '../components/reconfirm';
import { useSession, useSnapshot } from '../components/session-context';
import { Alert, errorMessage } from '../components/Alert';
import { FormFooter } from '../components/FormFooter';
import { t } from '../i18n/t';
import { ChangeIcon } from './ChangeIcon';

/** Rename, annotate and group an account; the code settings sit behind a warning because a wrong value breaks login. */
export function EditScreen({ account, onDone }: { account: Account; onDone(): void }) {
  const session = useSession();
  const { accounts } = useSnapshot();
  const [fields, setFields] = useState<DraftFields>({
    issuer: account.issuer,
    name: account.name,
    secret: account.secret,
    type: account.type,
    algorithm: account.algorithm,
    digits: String(account.digits),
    period: String(account.period),
    counter: String(account.counter),
  });
  const [note, setNote] = useState(account.note ?? '');
  const [group, setGroup] = useState(account.group ?? '');
  const [icon, setIcon] = useState<AccountIcon | undefined>(account.icon);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [advanced, setAdvanced] = useState(false);
  const set = (key: keyof DraftFields) => (e: Event) =>
    setFields({ ...fields, [key]: (e.currentTarget as HTMLInputElement).value });
  const groups = [...new Set(accounts.map((a) => a.group).filter(Boolean))].sort() as string[];

  async function save(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      const draft = draftFromFields(fields);
      setBusy(true);
      await session.changes.updateAccount(account.id, { ...draft, note: note.trim(), group: group.trim(), icon });
      onDone();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <main class="screen narrow">
      <AppBar title={t('edit.title')} onBack={onDone} />
      <form onSubmit={save} noValidate>
        <label for="e-issuer">{t('fields.issuer')}</label>
        <input id="e-issuer" value={fields.issuer} onInput={set('issuer')} />
        <label for="e-name">{t('fields.name')}</label>
        <input id="e-name" value={fields.name} onInput={set('name')} />
        <label for="e-note">{t('fields.note')}</label>
        <textarea id="e-note" value={note} onInput={(e) => setNote(e.currentTarget.value)} rows={2} />
        <label for="e-group">{t('fields.group')}</label>
        <input
          id="e-group"
          list="e-groups"
          value={group}
          onInput={(e) => setGroup(e.currentTarget.value)}
          placeholder={t('fields.groupExample')}
        />
        <datalist id="e-groups">
          {groups.map((g) => (
            <option key={g} value={g} />
          ))}
        </datalist>
        <ChangeIcon names={fields} value={icon} onChange={setIcon} />
        <details
          class="disclosure"
          open={advanced}
          onToggle={(e) => {
            const opening = e.currentTarget.open;
            if (!opening) return setAdvanced(false);
            // It shows the secret key: only to someone who confirmed the password within the last minute.
            e.currentTarget.open = advanced;
            void confirmIdentity(session, 'secret').then(setAdvanced);
          }}
        >
          <summary>{t('fields.advanced')}</summary>
          <p class="warning">{t('edit.warning')}</p>
          <label for="e-secret">{t('fields.secret')}</label>
          <input id="e-secret" value={fields.secret} onInput={set('secret')} autocomplete="off" spellcheck={false} />
          <AdvancedFields fields={fields} set={set} prefix="e" />
        </details>
        <Alert message={error} />
        <FormFooter submit={t('edit.save')} busy={busy} onCancel={onDone} />
      </form>
    </main>
  );
}
