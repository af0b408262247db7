import { useState } from 'preact/hooks';
import { inspectFile, readFile, type FileInfo } from '../../app/transfer';
import type { ImportResult } from '../../formats/types';
import { Alert, errorMessage } from '../components/Alert';
import { useAction } from '../components/useAction';
import { PasswordField } from '../components/PasswordField';
import { FormFooter } from '../components/FormFooter';

/**
 * `Import file`: the format is recognised from the content; an encrypted file asks for `Backup password`.
 * Nothing is saved here: the result goes to the import review.
 */
export function ImportFileSection({ onResult }: { onResult(result: ImportResult): void }) {
  const [file, setFile] = useState<{ bytes: Uint8Array; info: FileInfo } | null>(null);
  const [password, setPassword] = useState('');
  const { busy, error, setError, run } = useAction();

  const open = (bytes: Uint8Array, pass?: string) => run(async () => onResult(await readFile(bytes, pass)));

  async function choose(chosen: File) {
    setFile(null);
    setPassword('');
    setError(null);
    try {
      const bytes = new Uint8Array(await chosen.arrayBuffer());
      const info = await inspectFile(bytes);
      setFile({ bytes, info });
      if (!info.encrypted) await open(bytes);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section class="card">
      <h2>Import</h2>
      <p class="hint">
        From Latchkey, Aegis, 2FAS, andOTP, Bitwarden, Ente Auth, FreeOTP+, Proton, Stratum, LastPass, Google
        Authenticator links or an otpauth list. You will see every account before anything is saved.
      </p>
      <label for="import-file">Import file</label>
      <input
        id="import-file"
        type="file"
        onChange={(e) => {
          const chosen = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (chosen) void choose(chosen);
        }}
      />
      {file?.info.encrypted && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void open(file.bytes, password);
          }}
        >
          <p>This {file.info.label} file is encrypted.</p>
          <PasswordField
            id="import-password"
            label="Backup password"
            value={password}
            onInput={setPassword}
            autocomplete="off"
          />
          <FormFooter submit="Open file" busyText="Opening…" busy={busy} disabled={!password} />
        </form>
      )}
      <Alert message={error} />
    </section>
  );
}
