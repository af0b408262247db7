import { useEffect, useRef, useState } from 'preact/hooks';
import { CameraScanner, type CameraInfo, type CameraProblem } from '../../platform/scanner';
import { Alert } from '../components/Alert';
import { t } from '../i18n/t';

interface Props {
  onText(text: string): void;
  /** Told when the camera cannot be used, so the screen can put the image route first. */
  onProblem?(problem: CameraProblem): void;
}

type Phase = 'starting' | 'running' | CameraProblem;

/**
 * The live camera with a viewfinder, a camera switch when there are several and a torch button where the camera
 * has one. The camera is released when this component goes away, whatever the reason.
 */
export function CameraView({ onText, onProblem }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const scanner = useRef<CameraScanner | null>(null);
  const callbacks = useRef({ onText, onProblem });
  callbacks.current = { onText, onProblem };
  const [phase, setPhase] = useState<Phase>('starting');
  const [cameras, setCameras] = useState<CameraInfo[]>([]);
  const [camera, setCamera] = useState('');
  const [torch, setTorch] = useState<boolean | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const created = await CameraScanner.create({ video: video.current!, onText: (t) => callbacks.current.onText(t) });
      if (!live) return created.destroy();
      scanner.current = created;
      const problem = await created.start();
      if (!live) return;
      if (problem) {
        setPhase(problem);
        callbacks.current.onProblem?.(problem);
        return;
      }
      setPhase('running');
      setCameras(await created.cameras());
      setTorch((await created.hasTorch()) ? false : null);
    })().catch(() => live && setPhase('failed'));
    return () => {
      live = false;
      scanner.current?.destroy();
      scanner.current = null;
    };
  }, []);

  async function switchCamera(id: string) {
    setCamera(id);
    // No torch button while the stream is being replaced: a press now would reach the old camera.
    setTorch(null);
    await scanner.current?.switchTo(id || 'environment');
    setTorch((await scanner.current?.hasTorch()) ? false : null);
  }

  const problem = phase !== 'starting' && phase !== 'running' ? phase : null;
  return (
    <div class="camera">
      <div class="viewfinder" hidden={problem !== null}>
        <video ref={video} aria-label={t('camera.view')} muted playsInline />
        <div class="viewfinder-frame" aria-hidden="true" />
      </div>
      {problem ? (
        <Alert message={t(`camera.${problem}`)} />
      ) : (
        <p role="status" class="hint">
          {phase === 'starting' ? t('camera.starting') : t('camera.hold')}
        </p>
      )}
      {phase === 'running' && (cameras.length > 1 || torch !== null) && (
        <div class="camera-controls">
          {cameras.length > 1 && (
            <>
              <label for="camera-choice">{t('camera.camera')}</label>
              <select id="camera-choice" value={camera} onChange={(e) => void switchCamera(e.currentTarget.value)}>
                <option value="">{t('camera.default')}</option>
                {cameras.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            </>
          )}
          {torch !== null && (
            <button
              type="button"
              aria-pressed={torch}
              onClick={() => void scanner.current?.toggleTorch().then(setTorch, () => setTorch(null))}
            >
              {t('camera.torch')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
