import { useState } from 'preact/hooks';
import { readIconPackFile, removeIconPack, storeIconPack, type IconPack } from '../../app/icons/packs';
import { Alert, errorMessage } from '../components/Alert';
import { FilePicker } from '../components/FilePicker';
import { useSession } from '../components/session-context';

/**
 * Icon packs in Change icon: import an Aegis icon pack file the person already has (read in the import worker,
 * kept sealed in the vault), see which are kept, remove one. Nothing is downloaded.
 */
export function IconPacks({ packs, onPacks }: { packs: IconPack[]; onPacks(packs: IconPack[]): void }) {
  const session = useSession();
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(doing: string, work: () => Promise<string>) {
    setError(null);
    setStatus(doing);
    setBusy(true);
    try {
      setStatus(await work());
    } catch (e) {
      setStatus('');
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const importPack = (file: File) =>
    run('Reading the icon pack…', async () => {
      const { pack, skipped } = await readIconPackFile(new Uint8Array(await file.arrayBuffer()));
      await storeIconPack(session, pack);
      onPacks([...packs.filter((p) => p.id !== pack.id), pack].sort((a, b) => a.name.localeCompare(b.name)));
      const left = skipped ? `; ${skipped.toLocaleString('en')} could not be read and were left out` : '';
      return `Imported the icon pack “${pack.name}”: ${pack.icons.length.toLocaleString('en')} icons${left}.`;
    });

  const remove = (pack: IconPack) =>
    run('Removing the icon pack…', async () => {
      await removeIconPack(session, pack.id);
      onPacks(packs.filter((p) => p.id !== pack.id));
      return `Removed the icon pack “${pack.name}”.`;
    });

  return (
    <div class="icon-packs" aria-busy={busy ? 'true' : undefined}>
      {packs.length > 0 && (
        <ul aria-label="Icon packs">
          {packs.map((pack) => (
            <li key={pack.id}>
              <span>
                {pack.name} ({pack.icons.length.toLocaleString('en')} icons)
              </span>
              <button
                type="button"
                class="small"
                aria-label={`Remove icon pack ${pack.name}`}
                onClick={() => void remove(pack)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <FilePicker
        id="icon-pack-file"
        label="Aegis icon pack"
        text="Import an Aegis icon pack"
        accept=".zip,application/zip"
        onFile={(file) => void importPack(file)}
      />
      <p class="hint" role="status">
        {status}
      </p>
      <Alert message={error} />
    </div>
  );
}
