/**
 * Makes every AES-GCM seal in the page take `ms` longer, as on a slow phone, so a change is still being saved while
 * the test goes on: that is where races between a change and what the screen shows would appear. Runs inside the
 * page: pass it to `page.evaluate` (from now on) or `context.addInitScript` (every page). The seals still under way
 * are counted in `globalThis.sealsPending` (see `sealsDone`).
 */
export function slowSealing(ms: number): void {
  if (typeof SubtleCrypto === 'undefined') return; // about:blank and other pages without WebCrypto
  const counter = globalThis as { sealsPending?: number };
  counter.sealsPending ??= 0; // called again on a page already slowed: keep counting the seals under way
  const encrypt = SubtleCrypto.prototype.encrypt;
  SubtleCrypto.prototype.encrypt = async function (this: SubtleCrypto, ...args: Parameters<SubtleCrypto['encrypt']>) {
    counter.sealsPending!++;
    try {
      await new Promise((wait) => setTimeout(wait, ms));
      return await encrypt.apply(this, args);
    } finally {
      counter.sealsPending!--;
    }
  };
}

/** Resolves once no slowed seal is under way in the page. */
export function sealsDone(): boolean {
  return (globalThis as { sealsPending?: number }).sealsPending === 0;
}
