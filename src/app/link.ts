/**
 * Enrollment links arrive as `/#add=<otpauth URI>` (the web+otpauth protocol handler, a link Latchkey makes, a QR
 * code scanned by the phone's camera app), or, from older links, `/?add=<otpauth URI>`. A fragment is never sent to
 * a server, so a secret in it cannot reach a server's log even before the service worker is installed. Either
 * way the link carries a secret: it is taken out of the address bar and the session history the moment it is
 * read, before anything else can observe it. (Browser history may still keep it: README, "Links and history".)
 */
export interface LaunchIntent {
  /** The raw link text from `#add=` or `?add=`, if any. */
  addLink: string | null;
  /** `action=scan|add|scan-shared` from manifest shortcuts and the share target. */
  action: string | null;
}

export function takeLaunchIntent(win: Window = window): LaunchIntent {
  const query = new URLSearchParams(win.location.search);
  const fragment = new URLSearchParams(win.location.hash.replace(/^#/, ''));
  const addLink = fragment.get('add') ?? query.get('add');
  const action = fragment.get('action') ?? query.get('action');
  if (win.location.search || win.location.hash) {
    // replaceState rewrites the current history entry, so Back cannot bring the secret back either.
    win.history.replaceState(null, '', win.location.pathname);
  }
  return { addLink: addLink && addLink.trim() ? addLink.trim() : null, action };
}

/**
 * Hands out the launch link and action once and clears them: the unlocked app remounts after every lock, and a
 * link already reviewed must not open again (nor the scanner of a shortcut used an hour ago).
 */
export function consumeLaunchIntent(intent: LaunchIntent): LaunchIntent {
  const taken = { ...intent };
  intent.addLink = null;
  intent.action = null;
  return taken;
}
