/**
 * A timing probe injected into every page before any of its scripts (an init script is not subject to the app's
 * CSP). Times are read in the page with performance.now(), whose zero is the navigation start, so nothing the
 * driver does over the DevTools protocol (tens of milliseconds of latency) enters a measurement.
 *
 * - marks.<name>: when a user action happened (a click on a button, by its text; a file chosen) and when the KDF
 *   worker replied (the app's only module worker in these flows);
 * - waitFor(name, arg): resolves with { dom, frame }: the first moment the DOM matched the named state (checked
 *   after every DOM mutation, so with sub-millisecond precision) and the end of the next animation frame after it;
 * - start / started: the lock screen or the blank page is timed from navigation on its own, as soon as the
 *   document exists (only when the driver asked for it, see below); `started[name]` resolves with the time.
 */
function probe() {
  const now = performance.now.bind(performance);
  const raf = window.requestAnimationFrame.bind(window);
  const marks = {};

  const states = {
    lockScreen: () =>
      !!document.querySelector('input[type="password"]') &&
      [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Unlock' && !b.disabled),
    blank: () => !!document.getElementById('blank'),
    /** A first visit's screen: the new password field and an enabled Create vault button. */
    firstRun: () =>
      !!document.querySelector('input[type="password"]') &&
      [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Create vault' && !b.disabled),
    /**
     * The list holds all n accounts, and every rendered row shows its code. A long list renders only the rows
     * near the viewport, each saying its place in the whole with aria-setsize.
     */
    codes: (n) => {
      const list = document.querySelector('ul[aria-label="Accounts"]');
      const rows = list?.children ?? [];
      const size = Number(rows[0]?.getAttribute('aria-setsize') ?? rows.length);
      if (size !== n || rows.length === 0) return false;
      const codes = [...list.querySelectorAll('.code')];
      return codes.length === rows.length && codes.every((c) => /\d/.test(c.textContent));
    },
    /** The first screenful (the list renders its first rows, then the rest in small tasks): its codes show. */
    firstCodes: () => {
      const codes = document.querySelectorAll('ul[aria-label="Accounts"] .code');
      return (
        codes.length > 0 &&
        /\d/.test(codes[0].textContent) &&
        /\d/.test(codes[Math.min(codes.length, 20) - 1].textContent)
      );
    },
    /** The review's Import button, its count written as the app writes it in English ("Import 1,000 accounts"). */
    review: (n) =>
      [...document.querySelectorAll('button')].some((b) =>
        b.textContent.trim().startsWith(`Import ${n.toLocaleString('en')} account`),
      ),
    passwordPrompt: () => !!document.querySelector('#import-password'),
  };

  /** After the frame that shows the change: one rAF, then a task (the rAF callback runs before paint). */
  const nextFrame = () =>
    new Promise((resolve) =>
      raf(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(now());
        channel.port2.postMessage(null);
      }),
    );

  function waitFor(name, arg) {
    const test = () => states[name](arg);
    return new Promise((resolve) => {
      const done = async () => {
        const dom = now();
        resolve({ dom, frame: await nextFrame() });
      };
      if (document.documentElement && test()) return void done();
      const observer = new MutationObserver(() => {
        if (!test()) return;
        observer.disconnect();
        void done();
      });
      observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    });
  }

  document.addEventListener(
    'click',
    (event) => {
      const button = event.target instanceof Element ? event.target.closest('button') : null;
      if (button) marks[`click:${button.textContent.trim()}`] = now();
    },
    true,
  );
  document.addEventListener('change', (e) => e.target?.type === 'file' && (marks.fileChosen = now()), true);

  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      marks.workerStarted = now();
      this.addEventListener('message', () => (marks.workerReply = now()));
    }
  };

  // Armed only for the navigations the start measurement makes (it sets window.name, which survives a same-origin
  // navigation): an observer left on a page of 1,000 accounts would itself cost time in the other measurements.
  // The driver awaits `started[name]` with a plain evaluate: polling with waitForFunction would first evaluate
  // Playwright's injected script (about 20 ms of the main thread) in the middle of the app's start, a cost the
  // blank page, already drawn by then, never pays.
  const start = {};
  const started = {};
  if (window.name === 'latchkey-bench-start') {
    for (const name of ['lockScreen', 'firstRun', 'blank']) {
      started[name] = waitFor(name).then((t) => (start[name] = t));
    }
  }
  window.__bench = { marks, waitFor, start, started };
}

export async function installProbe(context) {
  await context.addInitScript(probe);
}
