import { useEffect } from 'preact/hooks';
import { AppBar } from '../components/AppBar';
import { readQrText, type QrContent } from '../../app/qr-text';
import { scanImageFile } from '../../platform/qr-image';
import { errorMessage } from '../components/Alert';

export const IMAGE_SOURCE = 'From a QR code image';
export const NO_QR_FOUND =
  'No QR code was found in this image. Try a sharper picture with the whole code in view, or scan it with the camera.';

interface Props {
  file: Blob;
  onContent(content: QrContent, source: string): void;
  onFail(message: string): void;
  onCancel(): void;
}

/** Reads the QR code of a chosen, pasted or dropped picture, then opens the review (or says what went wrong). */
export function ImageReader({ file, onContent, onFail, onCancel }: Props) {
  useEffect(() => {
    const abort = new AbortController();
    void (async () => {
      try {
        const { text } = await scanImageFile(file, abort.signal);
        if (abort.signal.aborted) return;
        if (text === null) return onFail(NO_QR_FOUND);
        const content = await readQrText(text, 'qr');
        if (!abort.signal.aborted) onContent(content, IMAGE_SOURCE);
      } catch (e) {
        if (!abort.signal.aborted) onFail(errorMessage(e));
      }
    })();
    return () => abort.abort();
  }, [file]);

  return (
    <main class="screen narrow" aria-busy="true">
      <AppBar title="Reading the image" onBack={onCancel} />
      <p role="status">Looking for a QR code in the picture…</p>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </main>
  );
}
