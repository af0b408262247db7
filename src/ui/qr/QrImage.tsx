import { useEffect, useState } from 'preact/hooks';
import type { QRCodeErrorCorrectionLevel } from 'qrcode';
import { qrDataUrl } from '../../platform/qr-render';
import { Alert } from '../components/Alert';
import { t } from '../i18n/t';

interface Props {
  text: string;
  /** Must contain "QR code": screen readers and tests find the image by it. */
  alt: string;
  errorCorrection?: QRCodeErrorCorrectionLevel;
}

/** Pixel size of the PNG: at least 4 pixels per module even for a dense 10-account transfer code. */
const SIZE = 720;

/** A QR code as a large <img>, black on a white frame whatever the theme. */
export function QrImage({ text, alt, errorCorrection = 'M' }: Props) {
  // The picture remembers which text it shows: between a change and the new drawing, no stale code is shown.
  const [drawn, setDrawn] = useState<{ text: string; url: string } | null>(null);
  const [failed, setFailed] = useState(false);
  const src = drawn?.text === text ? drawn.url : null;
  useEffect(() => {
    let live = true;
    setFailed(false);
    qrDataUrl(text, { width: SIZE, errorCorrection }).then(
      (url) => live && setDrawn({ text, url }),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [text, errorCorrection]);
  if (failed) return <Alert message={t('qr.tooMuch')} />;
  return (
    <div class="qr-frame" aria-busy={src ? undefined : 'true'}>
      {src && <img class="qr" src={src} alt={alt} width={SIZE} height={SIZE} />}
    </div>
  );
}
