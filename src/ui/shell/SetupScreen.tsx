import { useEffect, useState } from 'preact/hooks';
import '../i18n/uses-setup';
import type { FunctionComponent } from 'preact';
import { useSession } from '../components/session-context';
import { Alert } from '../components/Alert';
import { LoadFailure } from '../components/LoadFailure';
import { newPasswordProblem } from '../components/password-strength';
import { useAction } from '../components/useAction';
import { NewPasswordFields } from '../components/NewPasswordFields';
import { FormFooter } from '../components/FormFooter';
import { t } from '../i18n/t';
import { Mark } from './Mark';

type Restore = FunctionComponent<{ onBack(): void }>;

/**
 * First run: choose the password that encrypts the vault, or start from a backup or a synced vault (each loaded
 * when asked for).
 */
export function SetupScreen() {
  const [restore, setRestore] = useState<Restore | 'loading' | 'failed' | null>(null);
  const back = () => setRestore(null);
  if (restore === 'failed') return <LoadFailure onBack={back} />;
  if (restore === 'loading') return <main class="screen narrow gate" aria-busy="true" />;
  if (restore) {
    const Flow = restore;
    return <Flow onBack={back} />;
  }
  const open = (load: () => Promise<Restore>) => {
    setRestore('loading');
    load().then(
      (flow) => setRestore(() => flow),
      () => setRestore('failed'),
    );
  };
  return (
    <CreateVault
      onRestore={() => open(() => import('../settings/FirstRunRestore').then((m) => m.FirstRunRestore))}
      onJoin={() => open(() => import('../sync/JoinSynced').then((m) => m.JoinSynced))}
    />
  );
}

function CreateVault({ onRestore, onJoin }: { onRestore(): void; onJoin(): void }) {
  const session = useSession();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const { busy, error, setError, run } = useAction();
  // A complaint about what was typed goes once the typing changes.
  useEffect(() => setError(null), [password, confirm]);

  async function submit(event: Event) {
    event.preventDefault();
    const problem = newPasswordProblem(password, confirm);
    if (problem) setError(problem);
    else await run(() => session.create(password));
  }

  return (
    <main class="screen narrow gate">
      <Mark large />
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <form onSubmit={submit} noValidate>
        <NewPasswordFields
          ids="setup"
          password={password}
          confirm={confirm}
          onPassword={setPassword}
          onConfirm={setConfirm}
        />
        <p class="note">{t('setup.noRecovery')}</p>
        <Alert message={error} />
        <FormFooter submit={t('setup.create')} busyText={t('common.creatingVault')} busy={busy} />
      </form>
      <p class="or">{t('setup.or')}</p>
      <div class="choices">
        <button type="button" onClick={onRestore}>
          {t('setup.restore')}
        </button>
        <button type="button" onClick={onJoin}>
          {t('setup.join')}
        </button>
      </div>
    </main>
  );
}
