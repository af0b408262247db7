import { useEffect, useState } from 'preact/hooks';
import type { QRCodeErrorCorrectionLevel } from 'qrcode';
import { qrDataUrl } from '../platform/qr-render';
import { Alert } from './Alert';

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
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setSrc(null);
    setFailed(false);
    qrDataUrl(text, { width: SIZE, errorCorrection }).then(
      (url) => live && setSrc(url),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [text, errorCorrection]);
  if (failed) return <Alert message="This QR code could not be drawn: it holds too much text for one code." />;
  return (
    <div class="qr-frame" aria-busy={src ? undefined : 'true'}>
      {src && <img class="qr" src={src} alt={alt} width={SIZE} height={SIZE} />}
    </div>
  );
}
