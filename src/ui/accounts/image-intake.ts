import { useEffect, useRef } from 'preact/hooks';

/** The first image among pasted or dropped files, if any. */
export function imageOf(data: DataTransfer | null): File | null {
  for (const file of Array.from(data?.files ?? [])) if (file.type.startsWith('image/')) return file;
  return null;
}

/**
 * While `enabled`, an image pasted (Ctrl+V / long-press Paste) or dropped anywhere on the window is handed to
 * `onImage`. Pasted text is left alone, so pasting into a text field still works.
 */
export function useImageIntake(enabled: boolean, onImage: (file: File) => void): void {
  const handler = useRef(onImage);
  handler.current = onImage;
  useEffect(() => {
    if (!enabled) return;
    const onPaste = (e: ClipboardEvent) => {
      const image = imageOf(e.clipboardData);
      if (!image) return;
      e.preventDefault();
      handler.current(image);
    };
    // Without preventDefault on dragover the browser would open the dropped picture in place of the app.
    const onDragOver = (e: DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      const image = imageOf(e.dataTransfer);
      if (image) handler.current(image);
    };
    window.addEventListener('paste', onPaste);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('paste', onPaste);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [enabled]);
}
