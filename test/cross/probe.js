// Put in every page of the cross-engine journeys before the app's own scripts (Firefox: a preload script over
// WebDriver BiDi; WebKit: a <script> the test server adds to the HTML, since WebKitWebDriver has neither BiDi nor a
// log endpoint). It records what the engine would otherwise keep to itself: console errors, uncaught errors, CSP
// violations, and the files the app offers as downloads (the object URL is revoked a second after the click, so the
// Blob is kept from the moment it is made). Plain JavaScript: it is sent to the page as text.
(() => {
  if (window.__probe) return;
  const probe = { errors: [], downloads: [] };
  window.__probe = probe;
  const text = (value) => {
    if (value instanceof Error) return `${value.name}: ${value.message}`;
    try {
      return typeof value === 'string' ? value : JSON.stringify(value);
    } catch {
      return String(value);
    }
  };
  const consoleError = console.error.bind(console);
  console.error = (...args) => {
    probe.errors.push(args.map(text).join(' '));
    consoleError(...args);
  };
  window.addEventListener('error', (event) => probe.errors.push(`uncaught: ${text(event.error ?? event.message)}`));
  window.addEventListener('unhandledrejection', (event) =>
    probe.errors.push(`unhandled rejection: ${text(event.reason)}`),
  );
  document.addEventListener('securitypolicyviolation', (event) =>
    probe.errors.push(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`),
  );

  const blobs = new Map();
  const createObjectURL = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (object) => {
    const url = createObjectURL(object);
    if (object instanceof Blob) blobs.set(url, object);
    return url;
  };
  document.addEventListener(
    'click',
    (event) => {
      const link = event.target instanceof Element ? event.target.closest('a[download]') : null;
      const blob = link && blobs.get(link.href);
      if (!blob) return;
      // Kept, not saved: a real download would open a dialog in some engines (WebKit's MiniBrowser).
      event.preventDefault();
      const entry = { name: link.download, base64: null };
      probe.downloads.push(entry);
      void blob.arrayBuffer().then((buffer) => {
        let binary = '';
        for (const byte of new Uint8Array(buffer)) binary += String.fromCharCode(byte);
        entry.base64 = btoa(binary);
      });
    },
    true,
  );
})();
