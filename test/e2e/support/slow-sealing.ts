/**
 * Makes every AES-GCM seal in the page take `ms` longer, as on a slow phone, so a change is still being saved while
 * the test goes on: that is where races between a change and what the screen shows would appear. Runs inside the
 * page: pass it to `page.evaluate` (from now on) or `context.addInitScript` (every page).
 */
export function slowSealing(ms: number): void {
  if (typeof SubtleCrypto === 'undefined') return; // about:blank and other pages without WebCrypto
  const encrypt = SubtleCrypto.prototype.encrypt;
  SubtleCrypto.prototype.encrypt = function (this: SubtleCrypto, ...args: Parameters<SubtleCrypto['encrypt']>) {
    return new Promise((wait) => setTimeout(wait, ms)).then(() => encrypt.apply(this, args));
  };
}
