import { useEffect, useState } from 'preact/hooks';
import type { SyncController } from '../../app/sync/controller';
import { loadSync } from '../../app/sync/start';
import { Alert } from '../components/Alert';
import { FormFooter } from '../components/FormFooter';
import { LoadFailure } from '../components/LoadFailure';
import { useSession, useSnapshot } from '../components/session-context';
import { useAction } from '../components/useAction';
import { SyncLoginFields, type LoginValues } from './SyncLoginFields';
import { SyncStatusLine } from './SyncStatusLine';
import { t } from '../i18n/t';
import './sync.css';

/**
 * Settings → Sync: connect this vault to a WebDAV folder (checked first: list, write, read back, delete), or,
 * once connected, see the status, sync now, or turn sync off (both copies stay as they are).
 */
export function SyncSettings({ onBack }: { onBack(): void }) {
  const session = useSession();
  useSnapshot(); // the sealed config changes with the vault's state
  const [controller, setController] = useState<SyncController | 'failed' | null>(null);
  useEffect(() => {
    let live = true;
    loadSync(session).then(
      (c) => live && setController(c),
      () => live && setController('failed'),
    );
    return () => {
      live = false;
    };
  }, [session]);
  if (controller === 'failed') return <LoadFailure onBack={onBack} />;
  if (!controller) return <section class="card" aria-busy="true" />;
  const config = session.vaultData.sync;
  return config ? <Connected controller={controller} url={config.url} /> : <ConnectForm controller={controller} />;
}

function ConnectForm({ controller }: { controller: SyncController }) {
  const [values, setValues] = useState<LoginValues>({ url: '', username: '', password: '' });
  const { busy, error, setError, run } = useAction();
  useEffect(() => setError(null), [values]);
  async function submit(event: Event) {
    event.preventDefault();
    await run(() => controller.connect(values));
  }
  return (
    <section class="card">
      <h2>{t('sync.connectTitle')}</h2>
      <p class="hint">{t('sync.connectIntro')}</p>
      <form onSubmit={submit} noValidate>
        <SyncLoginFields ids="sync" values={values} onChange={setValues} />
        <Alert message={error} />
        <FormFooter submit={t('sync.connect')} busyText={t('sync.checking')} busy={busy} />
      </form>
    </section>
  );
}

function Connected({ controller, url }: { controller: SyncController; url: string }) {
  const { busy, error, run } = useAction();
  const [confirmOff, setConfirmOff] = useState(false);
  return (
    <section class="card">
      <h2>{t('sync.folder')}</h2>
      <p class="sync-where">{url}</p>
      <SyncStatusLine controller={controller} />
      <div class="choices">
        <button type="button" class="primary" disabled={busy} onClick={() => void run(() => controller.syncNow())}>
          {t('sync.now')}
        </button>
        {!confirmOff && (
          <button type="button" onClick={() => setConfirmOff(true)}>
            {t('sync.turnOff')}
          </button>
        )}
      </div>
      {confirmOff && (
        <div class="sync-off" role="group" aria-label={t('sync.turnOff')}>
          <p>{t('sync.offWhy')}</p>
          <div class="actions">
            <button type="button" onClick={() => setConfirmOff(false)}>
              {t('sync.keep')}
            </button>
            <button type="button" class="danger" onClick={() => void run(() => controller.disconnect())}>
              {t('sync.off')}
            </button>
          </div>
        </div>
      )}
      <Alert message={error} />
    </section>
  );
}
