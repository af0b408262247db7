/**
 * Resolves in a new task, so that input and rendering are handled between slices of long work. Awaiting a
 * promise is not enough: WebCrypto's results, for one, came back within the same task in Chromium (a
 * 10,000-account import sealed "a slice at a time" was one 850 ms task). `scheduler.yield()` where the browser has
 * it (the work keeps its place ahead of other queued tasks), else a message to ourselves (a timer would be clamped
 * to 4 ms after a few).
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
