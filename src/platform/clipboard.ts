/**
 * Copies a code. When asked, clears it again after 30 s, but only if the clipboard still holds our code and the
 * page has focus (browsers refuse clipboard access otherwise, and we must not wipe something the user copied since).
 */
export async function copyText(text: string, { clearAfterMs }: { clearAfterMs?: number } = {}): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    return false;
  }
  if (clearAfterMs) {
    setTimeout(async () => {
      if (!document.hasFocus()) return;
      try {
        if ((await navigator.clipboard.readText()) === text) await navigator.clipboard.writeText('');
      } catch {
        // Reading needs a permission the user may not grant; leaving the code is the safe failure.
      }
    }, clearAfterMs);
  }
  return true;
}
