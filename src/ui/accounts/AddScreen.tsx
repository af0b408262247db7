import './accounts.css';
import { useState } from 'preact/hooks';
import { Alert } from '../components/Alert';
import { AppBar } from '../components/AppBar';
import { ImagePicker } from '../components/ImagePicker';
import { Camera, FileUp, Keyboard } from '../components/icons';
import { t } from '../i18n/t';

interface Props {
  onScan(): void;
  onImage(file: File): void;
  onManual(): void;
  onImport(): void;
  onLink(text: string): void;
  onBack(): void;
  error: string | null;
}

/** Every way in: the camera, a picture of a QR code, typing the key, another app's export, or the link itself. */
export function AddScreen({ onScan, onImage, onManual, onImport, onLink, onBack, error }: Props) {
  const [link, setLink] = useState('');
  return (
    <main class="screen narrow">
      <AppBar title={t('add.title')} onBack={onBack} />
      <Alert message={error} />
      <div class="choices">
        <button type="button" class="primary big" onClick={onScan}>
          <Camera size={20} aria-hidden="true" /> {t('list.scan')}
        </button>
        <ImagePicker id="qr-image" onImage={onImage} big />
        <button type="button" class="big" onClick={onManual}>
          <Keyboard size={20} aria-hidden="true" /> {t('list.manual')}
        </button>
        <button type="button" class="big" onClick={onImport}>
          <FileUp size={20} aria-hidden="true" /> {t('list.import')}
        </button>
      </div>
      <form
        class="paste-link"
        onSubmit={(e) => {
          e.preventDefault();
          onLink(link);
        }}
      >
        <label for="paste-link">{t('add.pasteLabel')}</label>
        <div class="inline-field">
          <input
            id="paste-link"
            autocomplete="off"
            spellcheck={false}
            value={link}
            onInput={(e) => setLink(e.currentTarget.value)}
          />
          <button type="submit" disabled={!link.trim()}>
            {t('add.fromLink')}
          </button>
        </div>
      </form>
    </main>
  );
}
