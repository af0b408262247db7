/**
 * Whether an account row is being rendered. Rows use `content-visibility: auto`, so the browser already knows
 * which rows it skips (off screen) and says so with `contentvisibilityautostatechange`. Live codes and countdowns
 * write only into rendered rows and catch up when a row comes back: with 1,000 accounts a tick touches a few
 * dozen rows, not a thousand. Where the event does not exist, an IntersectionObserver gives the same answer.
 */
const skipped = new WeakSet<Element>();
const listeners = new WeakMap<Element, Set<() => void>>();
const NATIVE = typeof window !== 'undefined' && 'ContentVisibilityAutoStateChangeEvent' in window;
let observer: IntersectionObserver | null | undefined;

function setSkipped(row: Element, isSkipped: boolean) {
  if (!isSkipped && skipped.has(row)) {
    skipped.delete(row);
    listeners.get(row)?.forEach((shown) => shown());
  } else if (isSkipped) {
    skipped.add(row);
  }
}

function onStateChange(event: Event) {
  setSkipped(event.currentTarget as Element, (event as Event & { skipped: boolean }).skipped);
}

function fallbackObserver(): IntersectionObserver | null {
  if (observer === undefined) {
    observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((entries) => entries.forEach((e) => setSkipped(e.target, !e.isIntersecting)), {
            rootMargin: '100% 0px', // a screen's height above and below, as content-visibility roughly does
          })
        : null;
  }
  return observer;
}

/** Starts tracking `row`; `shown` runs whenever the row is rendered again. Returns the function that stops it. */
export function trackRow(row: Element, shown: () => void): () => void {
  let set = listeners.get(row);
  if (!set) {
    listeners.set(row, (set = new Set()));
    if (NATIVE) {
      row.addEventListener('contentvisibilityautostatechange', onStateChange);
      // The event for the row's first rendering may have fired before anyone listened: ask once. A child is
      // asked because the row itself is never inside its own skipped contents.
      const child = row.firstElementChild;
      if (
        child &&
        typeof child.checkVisibility === 'function' &&
        !child.checkVisibility({ contentVisibilityAuto: true })
      ) {
        skipped.add(row);
      }
    } else {
      fallbackObserver()?.observe(row);
    }
  }
  set.add(shown);
  return () => {
    set.delete(shown);
    if (set.size > 0) return;
    listeners.delete(row);
    if (NATIVE) row.removeEventListener('contentvisibilityautostatechange', onStateChange);
    else fallbackObserver()?.unobserve(row);
  };
}

/** True unless the browser said it skips this row (a row is assumed rendered until told otherwise). */
export function isRendered(row: Element): boolean {
  return !skipped.has(row);
}
