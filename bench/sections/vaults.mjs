/**
 * 5. Import, and the vaults the other measurements reuse. Each import goes into a new profile with a new vault
 * (default KDF), so no sample sees duplicates or a list grown by the sample before:
 *  - a 1,000-account otpauth list, chosen in Settings → Import file;
 *  - an encrypted Aegis file of 100 accounts (scrypt N=2^15, r=8, p=1, as Aegis writes), password typed, Open file.
 * The first profile of each kind is kept: 1,000 and 100 accounts for unlock, memory, refresh and start.
 */
import { createVault, importFile } from '../lib/app-flows.mjs';
import { MARK, TRACE_CATEGORIES, busyTime, mainThreadTasks } from '../lib/trace.mjs';
import { makeAccounts, makeBrandAccounts, otpauthList } from '../lib/accounts.mjs';
import { newAppContext } from '../lib/browser.mjs';
import { makeAegisFile } from './engine.mjs';

const AEGIS_PASSWORD = 'aegis export password';

async function importInNewProfile(browser, origin, file, count, password) {
  const context = await newAppContext(browser, origin);
  const page = await context.newPage();
  await createVault(page);
  const times = await importFile(page, file, count, count, password);
  return { context, times };
}

export async function measureImports(browser, origin, enginePage, { rounds = 3, large = 1000, small = 100 } = {}) {
  const list = { name: 'accounts.txt', mimeType: 'text/plain', buffer: otpauthList(makeAccounts(large, 'list')) };
  const aegisText = await makeAegisFile(enginePage, makeAccounts(small, 'aegis'), AEGIS_PASSWORD);
  const aegis = { name: 'aegis-export.json', mimeType: 'application/json', buffer: Buffer.from(aegisText) };
  const result = { list: [], aegis: [], contexts: {} };
  for (let i = 0; i < rounds; i++) {
    const a = await importInNewProfile(browser, origin, list, large);
    result.list.push(a.times);
    const b = await importInNewProfile(browser, origin, aegis, small, AEGIS_PASSWORD);
    result.aegis.push(b.times);
    if (i === 0) {
      result.contexts = { large: a.context, small: b.context };
    } else {
      await a.context.close();
      await b.context.close();
    }
  }
  return result;
}

/**
 * A profile whose vault holds `count` accounts of well-known issuers (every row shows a brand icon), for the
 * refresh measured with icons beside the same list without them.
 */
export async function brandIconVault(browser, origin, count = 1000) {
  const list = { name: 'accounts.txt', mimeType: 'text/plain', buffer: otpauthList(makeBrandAccounts(count)) };
  return (await importInNewProfile(browser, origin, list, count)).context;
}

/**
 * The import limit: a 10,000-account otpauth list from the file chosen to every account listed, with a Chromium
 * trace of the page's main thread meanwhile (its longest task says whether the page stayed responsive). The file
 * is read in the import worker; the accounts are sealed and stored a slice per task.
 */
export async function measureHugeImport(browser, origin, { rounds = 2, count = 10_000 } = {}) {
  const file = { name: 'accounts.txt', mimeType: 'text/plain', buffer: otpauthList(makeAccounts(count, 'huge')) };
  const samples = [];
  for (let i = 0; i < rounds; i++) {
    const context = await newAppContext(browser, origin);
    const page = await context.newPage();
    await createVault(page);
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await page.evaluate((mark) => console.timeStamp(mark), MARK);
    const times = await importFile(page, file, count);
    const { longest } = busyTime(mainThreadTasks(await browser.stopTracing()));
    samples.push({ ...times, total: times.read + times.save, longest });
    await context.close();
  }
  return samples;
}
