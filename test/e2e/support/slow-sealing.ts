/**
 * Makes every AES-GCM seal in the page take `ms` longer, as on a slow phone, so a change is still being saved while
 * the test goes on: that is where races between a change and what the screen shows would appear. Runs inside the
 * page: pass it to `page.evaluate` (from now on) or `context.addInitScript` (every page). The seals under way and
 * finished are counted in `globalThis` (see `sealsFinished`, `sealsSettledAt`).
 */
export function slowSealing(ms: number): void {
  if (typeof SubtleCrypto === 'undefined') return; // about:blank and other pages without WebCrypto
  const counter = globalThis as { sealsPending?: number; sealsFinished?: number };
  // Called again on a page already slowed: keep counting the seals under way.
  counter.sealsPending ??= 0;
  counter.sealsFinished ??= 0;
  const encrypt = SubtleCrypto.prototype.encrypt;
  SubtleCrypto.prototype.encrypt = async function (this: SubtleCrypto, ...args: Parameters<SubtleCrypto['encrypt']>) {
    counter.sealsPending!++;
    try {
      await new Promise((wait) => setTimeout(wait, ms));
      return await encrypt.apply(this, args);
    } finally {
      counter.sealsPending!--;
      counter.sealsFinished!++;
    }
  };
}

/** How many slowed seals have finished in the page so far. */
export function sealsFinished(): number {
  return (globalThis as { sealsFinished?: number }).sealsFinished ?? 0;
}

/** For `page.waitForFunction`: at least `count` seals have finished, and none is under way. */
export function sealsSettledAt(count: number): boolean {
  const counter = globalThis as { sealsPending?: number; sealsFinished?: number };
  return counter.sealsPending === 0 && (counter.sealsFinished ?? 0) >= count;
}

/**
 * Waits until no slowed seal is under way in the page: a setting takes effect at once but is stored a moment
 * later, and a test that reloads straight after changing one must let it be stored first (as a person's next tap
 * would). Returns at once when the page is not slowed.
 */
export async function savesSettled(page: import('@playwright/test').Page): Promise<void> {
  await page.waitForFunction(() => !(globalThis as { sealsPending?: number }).sealsPending);
}
