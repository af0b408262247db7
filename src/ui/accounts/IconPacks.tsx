import { useState } from 'preact/hooks';
import { readIconPackFile, removeIconPack, storeIconPack, type IconPack } from '../../app/icons/packs';
import { Alert, errorMessage } from '../components/Alert';
import { FilePicker } from '../components/FilePicker';
import { useSession } from '../components/session-context';
import { t } from '../i18n/t';

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
      setError(errorMessage(e, 'iconPack'));
    } finally {
      setBusy(false);
    }
  }

  const importPack = (file: File) =>
    run(t('iconPacks.reading'), async () => {
      const { pack, skipped } = await readIconPackFile(new Uint8Array(await file.arrayBuffer()));
      await storeIconPack(session, pack);
      onPacks([...packs.filter((p) => p.id !== pack.id), pack].sort((a, b) => a.name.localeCompare(b.name)));
      const count = pack.icons.length;
      return skipped
        ? t('iconPacks.importedSkipped', { name: pack.name, count, skipped })
        : t('iconPacks.imported', { name: pack.name, count });
    });

  const remove = (pack: IconPack) =>
    run(t('iconPacks.removing'), async () => {
      await removeIconPack(session, pack.id);
      onPacks(packs.filter((p) => p.id !== pack.id));
      return t('iconPacks.removed', { name: pack.name });
    });

  return (
    <div class="icon-packs" aria-busy={busy ? 'true' : undefined}>
      {packs.length > 0 && (
        <ul aria-label={t('iconPacks.list')}>
          {packs.map((pack) => (
            <li key={pack.id}>
              <span>{t('iconPacks.item', { name: pack.name, count: pack.icons.length })}</span>
              <button
                type="button"
                class="small"
                aria-label={t('iconPacks.removeName', { name: pack.name })}
                onClick={() => void remove(pack)}
              >
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <FilePicker
        id="icon-pack-file"
        label={t('iconPacks.file')}
        text={t('iconPacks.import')}
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
