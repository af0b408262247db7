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
import { NO_QR_FOUND } from './ImageReader';
import { ImportReview } from '../settings/ImportReview';
import { CAMERA_SOURCE } from './ScanScreen';

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
  const [scanning, setScanning] = useState(source === CAMERA_SOURCE);
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
        setRefusal(
          'This QR code holds a single account, not a code of this export. Finish the export first, then add it.',
        );
        return;
      }
      const outcome = collector.add(content.part);
      if (outcome === 'other-batch') {
        setRefusal(
          `This QR code belongs to a different Google Authenticator export, so it was not added. Show the remaining codes of the export you started (${collector.scanned} of ${collector.size} scanned).`,
        );
        return;
      }
      setRefusal(null);
      setNote(
        outcome === 'duplicate'
          ? `Code ${content.part.batch.index + 1} of ${collector.size} was already scanned; show the next one.`
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
      if (text === null) setRefusal(NO_QR_FOUND);
      else await offer(text);
    } catch (e) {
      setRefusal(errorMessage(e));
    }
  }

  const missing = new Set(collector.missing);
  return (
    <main class="screen narrow">
      <AppBar title="Google Authenticator export" onBack={onDone} />
      <p class="hint">{source}</p>
      <p role="status" class="progress">
        {scanned} of {size} scanned
      </p>
      <ol class="parts" aria-label="QR codes of the export">
        {Array.from({ length: size }, (_, i) => (
          <li key={i} class={missing.has(i) ? undefined : 'done'}>
            Code {i + 1}: {missing.has(i) ? 'not scanned yet' : 'scanned'}
          </li>
        ))}
      </ol>
      <p>Show the next QR code of the export on the other device.</p>
      {scanning ? (
        <CameraView onText={(text) => void offer(text)} />
      ) : (
        <button type="button" class="primary big" onClick={() => setScanning(true)}>
          Scan the next QR code
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
        <label for="migration-link">Or paste the next link (otpauth-migration://)</label>
        <input
          id="migration-link"
          autocomplete="off"
          spellcheck={false}
          value={link}
          onInput={(e) => setLink(e.currentTarget.value)}
        />
        <button type="submit" disabled={!link.trim()}>
          Add this code
        </button>
      </form>
      <div class="actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </main>
  );
}
