/**
 * 2. Unlock, at the default KDF costs: from pressing Unlock to every code on screen (end of the frame after the
 * list's first and last rows show digits), and the part of it after the KDF worker replied (decrypting every
 * record, importing the HMAC keys, the first codes and the render).
 * 6. Memory, in the same pages: the JavaScript heap after a forced garbage collection (CDP HeapProfiler
 * collectGarbage, then Runtime.getHeapUsage), on the lock screen and once the list is up.
 */
import { unlockTimed } from '../lib/app-flows.mjs';

async function heapUsed(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

async function openVaultPage(context) {
  for (const old of context.pages()) await old.close(); // one tab, as a user has it
  const page = await context.newPage();
  return { page, cdp: await context.newCDPSession(page) };
}

/**
 * Unlock samples for each vault, alternating between them round by round so that a busy moment of the machine
 * does not land on one size only. Each sample is a new page load (a load starts locked); one warm-up load each.
 * With `memory`, the heap is read once the list is up and again on the next load's lock screen. `reference` runs
 * once per round too (the bare KDF), so that the unlock and its reference share the machine's conditions.
 */
export async function measureUnlocks(vaults, { rounds = 7, reference = async () => [] } = {}) {
  const referenceTimes = [];
  const open = [];
  for (const vault of vaults) {
    const { page, cdp } = await openVaultPage(vault.context);
    await unlockTimed(page, vault.count);
    open.push({ ...vault, page, cdp, samples: [], heap: { locked: [], unlocked: [] } });
  }
  for (let i = 0; i < rounds; i++) {
    referenceTimes.push(...(await reference()));
    for (const v of open) {
      v.samples.push(await unlockTimed(v.page, v.count));
      if (!v.memory) continue;
      await v.page.waitForTimeout(500);
      v.heap.unlocked.push(await heapUsed(v.cdp));
      await v.page.goto('/');
      await v.page.getByRole('button', { name: 'Unlock', exact: true }).waitFor();
      await v.page.waitForTimeout(500);
      v.heap.locked.push(await heapUsed(v.cdp));
    }
  }
  for (const v of open) await v.page.close();
  return { vaults: open.map(({ samples, heap }) => ({ samples, heap })), reference: referenceTimes };
}
