import { useRef, useState } from 'preact/hooks';
import { AppBar } from '../components/AppBar';
import { readQrText, type QrContent } from '../../app/qr-text';
import type { CameraProblem } from '../../platform/scanner';
import { Alert, errorMessage } from '../components/Alert';
import { CameraView } from './CameraView';
import { ImagePicker } from '../components/ImagePicker';
import { t } from '../i18n/t';

interface Props {
  onContent(content: QrContent, source: string): void;
  onImage(file: File): void;
  onCancel(): void;
}

/**
 * `Scan QR code`: a found account goes straight to the review screen. A code that is not an account is refused
 * here, on the live view, so the next code can be tried without starting over; the picture route is always
 * offered, first of all when the camera cannot be used.
 */
export function ScanScreen({ onContent, onImage, onCancel }: Props) {
  const [refusal, setRefusal] = useState<string | null>(null);
  const [problem, setProblem] = useState<CameraProblem | null>(null);
  const last = useRef('');
  const done = useRef(false);

  async function onText(text: string) {
    // The camera reports the code on every frame it stays in view: read each distinct text once.
    if (done.current || text === last.current) return;
    last.current = text;
    try {
      const content = await readQrText(text, 'qr');
      if (done.current) return;
      done.current = true;
      onContent(content, t('source.camera'));
    } catch (e) {
      setRefusal(errorMessage(e));
    }
  }

  return (
    <main class="screen narrow">
      <AppBar title={t('list.scan')} onBack={onCancel} />
      <CameraView onText={(text) => void onText(text)} onProblem={setProblem} />
      <Alert message={refusal} />
      <div class="choices">
        {problem && <p>{t('scan.fromPicture')}</p>}
        <ImagePicker id="scan-image" primary={problem !== null} onImage={onImage} />
      </div>
    </main>
  );
}
