/**
 * Latchkey's mark (public/icon.svg), drawn by styles.css from a data: URL. Not an <img>: an image request made at
 * the moment the vault locks went through the old service worker just as a waiting update was told to take over,
 * and kept the update from activating (pwa-update.spec.ts, "applies when it is locked"). A data: URL costs no
 * request, and in the stylesheet no eager script either.
 */
export function Mark({ large = false }: { large?: boolean }) {
  return <span class={large ? 'mark large' : 'mark'} aria-hidden="true" />;
}
