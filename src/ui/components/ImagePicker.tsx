import { FilePicker } from './FilePicker';
import { Image } from './icons';
import { t } from '../i18n/t';

interface Props {
  id: string;
  onImage(file: File): void;
  /** Shown as the main action, e.g. when the camera cannot be used. */
  primary?: boolean;
  /** A full-width, tall button, as among Add account's choices. */
  big?: boolean;
  text?: string;
}

/** `QR code image`: a phone offers its photo library and camera. */
export function ImagePicker({ id, onImage, primary = false, big = primary, text }: Props) {
  return (
    <FilePicker
      id={id}
      label={t('picker.qrImage')}
      text={text ?? t('picker.chooseQrImage')}
      accept="image/*"
      onFile={onImage}
      primary={primary}
      big={big}
      icon={<Image size={20} aria-hidden="true" />}
    />
  );
}
