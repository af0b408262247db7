import { useEffect, useRef, useState } from 'preact/hooks';
import { Cancelled, FileImport, type FileInfo } from '../../app/file-import';
import type { ImportResult } from '../../formats/types';
import { Alert, errorMessage } from '../components/Alert';
import { FormFooter } from '../components/FormFooter';
import { PasswordField } from '../components/PasswordField';
import { FilePicker } from '../components/FilePicker';
import { t } from '../i18n/t';

/**
 * `Import file`: the format is recognised from the content; an encrypted file asks for `Backup password`. The
 * file is read in a worker; opening a heavily protected one shows how long it has taken, with Cancel. Nothing is
 * saved here: the result goes to the import review.
 */
export function ImportFileSection({
  onResult,
  heading = t('import.heading'),
}: {
  onResult(result: ImportResult): void;
  heading?: string;
}) {
  const job = useRef<FileImport | null>(null);
  const [info, setInfo] = useState<FileInfo | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const elapsed = useElapsedSeconds(startedAt);

  useEffect(() => () => job.current?.cancel(), []);

  async function work<T>(step: (current: FileImport) => Promise<T>): Promise<T | null> {
    const current = job.current;
    if (!current) return null;
    setError(null);
    setStartedAt(Date.now());
    try {
      return await step(current);
    } catch (e) {
      if (!(e instanceof Cancelled)) setError(errorMessage(e));
      return null;
    } finally {
      setStartedAt(null);
    }
  }

  async function read(pass?: string) {
    const result = await work((current) => current.read(pass));
    if (result) onResult(result);
  }

  async function choose(chosen: File) {
    job.current?.cancel();
    job.current = new FileImport();
    setInfo(null);
    setPassword('');
    const bytes = new Uint8Array(await chosen.arrayBuffer());
    const opened = await work((current) => current.open(bytes));
    if (!opened) return;
    setInfo(opened);
    if (!opened.encrypted) await read();
  }

  function cancel() {
    job.current?.cancel();
    job.current = null;
    setInfo(null);
    setPassword('');
  }

  const busy = startedAt !== null;
  return (
    <section class="card">
      <h2>{heading}</h2>
      <p class="hint">{t('import.apps')}</p>
      <FilePicker
        id="import-file"
        label={t('import.file')}
        text={t('import.choose')}
        onFile={(chosen) => void choose(chosen)}
      />
      {info?.encrypted && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void read(password);
          }}
        >
          <p>{t('import.encrypted', { app: info.label })}</p>
          <PasswordField
            id="import-password"
            label={t('import.password')}
            value={password}
            onInput={setPassword}
            autocomplete="off"
          />
          <FormFooter submit={t('import.open')} busyText={t('import.opening')} busy={busy} disabled={!password} />
        </form>
      )}
      {busy && (
        <div class="opening" role="status">
          <progress aria-label={t('import.openingLabel')} />
          <span>{elapsed >= 2 ? t('import.openingSlow', { seconds: elapsed }) : t('import.opening')}</span>
          <button type="button" onClick={cancel}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      <Alert message={error} />
    </section>
  );
}

/** Whole seconds since `since`, counting while it is set. */
function useElapsedSeconds(since: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [since]);
  return since === null ? 0 : Math.max(0, Math.floor((now - since) / 1000));
}
