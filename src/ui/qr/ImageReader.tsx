import { useEffect } from 'preact/hooks';
import { AppBar } from '../components/AppBar';
import { readQrText, type QrContent } from '../../app/qr-text';
import { scanImageFile } from '../../platform/qr-image';
import { errorMessage } from '../components/Alert';
import { t } from '../i18n/t';

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
        if (text === null) return onFail(t('image.noQr'));
        const content = await readQrText(text, 'qr');
        if (!abort.signal.aborted) onContent(content, t('source.image'));
      } catch (e) {
        if (!abort.signal.aborted) onFail(errorMessage(e));
      }
    })();
    return () => abort.abort();
  }, [file]);

  return (
    <main class="screen narrow" aria-busy="true">
      <AppBar title={t('image.title')} onBack={onCancel} />
      <p role="status">{t('image.looking')}</p>
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </main>
  );
}
