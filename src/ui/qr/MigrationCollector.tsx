import { useRef, useState } from 'preact/hooks';
import { AppBar } from '../components/AppBar';
import { readQrText } from '../../app/qr-text';
import type { MigrationResult } from '../../formats/google-migration/payload';
import { MigrationBatchCollector } from '../../formats/google-migration/batch';
import { scanImageFile } from '../../platform/qr-image';
import { Alert, errorMessage } from '../components/Alert';
import { CameraView } from './CameraView';
import { useImageIntake } from '../accounts/image-intake';
import { ImagePicker } from '../components/ImagePicker';
import { ImportReview } from '../settings/ImportReview';
import { t } from '../i18n/t';

export const EXPORT_FORMAT = 'Google Authenticator export';

interface Props {
  first: MigrationResult;
  source: string;
  onDone(): void;
}

/**
 * A Google Authenticator export shown as several QR codes: collects them ("2 of 3 scanned") by camera, picture or
 * link, refuses a code of another export, and opens the import review once every code is in.
 */
export function MigrationCollector({ first, source, onDone }: Props) {
  const [collector] = useState(() => {
    const created = new MigrationBatchCollector();
    created.add(first);
    return created;
  });
  const [, rerender] = useState(0); // the collector is mutable: bump after each change
  const [refusal, setRefusal] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [scanning, setScanning] = useState(source === t('source.camera'));
  const [link, setLink] = useState('');
  const last = useRef('');
  const { complete, scanned, size } = collector;
  useImageIntake(!complete, (file) => void offerImage(file));

  if (complete) {
    return <ImportReview result={{ format: EXPORT_FORMAT, ...collector.result() }} onDone={onDone} />;
  }

  async function offer(text: string) {
    if (text === last.current) return; // the camera sees the same code on every frame
    last.current = text;
    try {
      const content = await readQrText(text, 'qr');
      if (content.kind === 'account') {
        setRefusal(t('migration.single'));
        return;
      }
      const outcome = collector.add(content.part);
      if (outcome === 'other-batch') {
        setRefusal(t('migration.otherBatch', { scanned: collector.scanned, size: collector.size }));
        return;
      }
      setRefusal(null);
      setNote(
        outcome === 'duplicate'
          ? t('migration.duplicate', { n: content.part.batch.index + 1, size: collector.size })
          : null,
      );
      rerender((n) => n + 1);
    } catch (e) {
      setRefusal(errorMessage(e));
    }
  }

  async function offerImage(file: Blob) {
    try {
      const { text } = await scanImageFile(file);
      last.current = '';
      if (text === null) setRefusal(t('image.noQr'));
      else await offer(text);
    } catch (e) {
      setRefusal(errorMessage(e));
    }
  }

  const missing = new Set(collector.missing);
  return (
    <main class="screen narrow">
      <AppBar title={t('migration.title')} onBack={onDone} />
      <p class="hint">{source}</p>
      <p role="status" class="progress">
        {t('migration.progress', { scanned, size })}
      </p>
      <ol class="parts" aria-label={t('migration.parts')}>
        {Array.from({ length: size }, (_, i) => (
          <li key={i} class={missing.has(i) ? undefined : 'done'}>
            {t(missing.has(i) ? 'migration.partMissing' : 'migration.partDone', { n: i + 1 })}
          </li>
        ))}
      </ol>
      <p>{t('migration.showNext')}</p>
      {scanning ? (
        <CameraView onText={(text) => void offer(text)} />
      ) : (
        <button type="button" class="primary big" onClick={() => setScanning(true)}>
          {t('migration.scanNext')}
        </button>
      )}
      {note && <p class="note">{note}</p>}
      <Alert message={refusal} />
      <div class="choices">
        <ImagePicker id="migration-image" onImage={(file) => void offerImage(file)} />
      </div>
      <form
        class="paste-link"
        onSubmit={(e) => {
          e.preventDefault();
          last.current = '';
          void offer(link.trim());
          setLink('');
        }}
      >
        <label for="migration-link">{t('migration.pasteLabel')}</label>
        <input
          id="migration-link"
          autocomplete="off"
          spellcheck={false}
          value={link}
          onInput={(e) => setLink(e.currentTarget.value)}
        />
        <button type="submit" disabled={!link.trim()}>
          {t('migration.add')}
        </button>
      </form>
      <div class="actions">
        <button type="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </main>
  );
}
