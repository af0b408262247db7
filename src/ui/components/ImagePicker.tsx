interface Props {
  id: string;
  onImage(file: File): void;
  /** Shown as the main action, e.g. when the camera cannot be used. */
  primary?: boolean;
  /** A full-width, tall button, as among Add account's choices. */
  big?: boolean;
  text?: string;
}

/** A file input named "QR code image" behind a button-like label; a phone offers its photo library and camera. */
export function ImagePicker({ id, onImage, primary = false, big = primary, text = 'Choose a QR code image' }: Props) {
  return (
    <>
      <label class={['button', big && 'big', primary && 'primary'].filter(Boolean).join(' ')} for={id}>
        {text}
      </label>
      <input
        id={id}
        class="visually-hidden"
        type="file"
        accept="image/*"
        aria-label="QR code image"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) onImage(file);
        }}
      />
    </>
  );
}
