/**
 * Locks the vault after a stretch of inactivity, and when the app comes back after being hidden that long
 * (timers are throttled or frozen in background tabs and on phones, so hidden time is measured, not awaited).
 */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export function startAutoLock(minutes: () => number, lock: () => void, doc: Document = document): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let hiddenAt: number | null = null;

  const arm = () => {
    clearTimeout(timer);
    const m = minutes();
    if (m > 0) timer = setTimeout(lock, m * 60_000);
  };
  const onVisibility = () => {
    if (doc.visibilityState === 'hidden') {
      hiddenAt = Date.now();
      return;
    }
    const m = minutes();
    if (hiddenAt !== null && m > 0 && Date.now() - hiddenAt >= m * 60_000) lock();
    hiddenAt = null;
    arm();
  };

  for (const type of ACTIVITY_EVENTS) doc.addEventListener(type, arm, { passive: true, capture: true });
  doc.addEventListener('visibilitychange', onVisibility);
  arm();
  return () => {
    clearTimeout(timer);
    for (const type of ACTIVITY_EVENTS) doc.removeEventListener(type, arm, { capture: true });
    doc.removeEventListener('visibilitychange', onVisibility);
  };
}
