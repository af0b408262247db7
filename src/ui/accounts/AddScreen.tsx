import { useState } from 'preact/hooks';
import { Alert } from '../components/Alert';
import { ImagePicker } from '../components/ImagePicker';

interface Props {
  onScan(): void;
  onImage(file: File): void;
  onManual(): void;
  onNewSecret(): void;
  onLink(text: string): void;
  onCancel(): void;
  error: string | null;
}

/** Every way in: the camera, a picture of a QR code, typing the key, or pasting the link itself. */
export function AddScreen({ onScan, onImage, onManual, onNewSecret, onLink, onCancel, error }: Props) {
  const [link, setLink] = useState('');
  return (
    <main class="screen narrow">
      <h1>Add account</h1>
      <div class="choices">
        <button type="button" class="primary big" onClick={onScan}>
          Scan QR code
        </button>
        <ImagePicker id="qr-image" onImage={onImage} big />
        <button type="button" class="big" onClick={onManual}>
          Enter manually
        </button>
      </div>
      <form
        class="paste-link"
        onSubmit={(e) => {
          e.preventDefault();
          onLink(link);
        }}
      >
        <label for="paste-link">Or paste a link (otpauth:// or otpauth-migration://)</label>
        <input
          id="paste-link"
          autocomplete="off"
          spellcheck={false}
          value={link}
          onInput={(e) => setLink(e.currentTarget.value)}
        />
        <button type="submit" disabled={!link.trim()}>
          Add from link
        </button>
      </form>
      <Alert message={error} />
      <p>
        <button type="button" class="link" onClick={onNewSecret}>
          New secret: make a key for a site you are building
        </button>
      </p>
      <button type="button" onClick={onCancel}>
        Back
      </button>
    </main>
  );
}
