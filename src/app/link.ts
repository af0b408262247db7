/**
 * Enrollment links arrive as `/?add=<otpauth URI>` (from a QR code scanned by the phone's camera app, the
 * web+otpauth protocol handler, or a pasted link). The link carries a secret, so it is taken out of the address
 * bar and the session history the moment it is read, before anything else can observe it.
 */
export interface LaunchIntent {
  /** The raw link text from `?add=`, if any. */
  addLink: string | null;
  /** `?action=scan|add|scan-shared` from manifest shortcuts and the share target. */
  action: string | null;
}

export function takeLaunchIntent(win: Window = window): LaunchIntent {
  const params = new URLSearchParams(win.location.search);
  const addLink = params.get('add');
  const action = params.get('action');
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
