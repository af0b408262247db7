/**
 * 2b. Unlock with a passkey, beside the password, for 100 and 1,000 accounts. Chromium's virtual authenticator
 * (CDP WebAuthn, PRF, user verified at once) stands in for a fingerprint reader, so the person's own time is
 * not in it. The app runs at http://localhost:<port> here: WebAuthn refuses an IP address as relying party.
 *
 * Each round takes three samples in the same page, so that all see the machine in the same state:
 *  - tapped: the lock screen loaded, then `Unlock with passkey`; timed from the moment navigator.credentials.get
 *    resolved in the page (the assertion's return, with the PRF output) to the first screenful of codes and to
 *    every code;
 *  - cold start: a page load, which offers the passkey by itself, answered at once; timed from navigation start
 *    (and from the assertion) to every code: the chunks the list needs load after the assertion here;
 *  - password: unlockTimed, the authenticator silenced so that the load's offer waits (Unlock aborts it).
 */
import { createVault, importFile, PASSWORD, unlockTimed } from '../lib/app-flows.mjs';
import { makeAccounts, otpauthList } from '../lib/accounts.mjs';
import { newAppContext } from '../lib/browser.mjs';

const SLOW = { timeout: 120_000 };

/** Runs after the probe: marks the assertion's return and, on every load, waits for the codes from the start. */
function passkeyProbe(count) {
  const bench = window.__bench;
  const get = navigator.credentials.get.bind(navigator.credentials);
  navigator.credentials.get = async (options) => {
    const credential = await get(options);
    bench.marks.assertion = performance.now();
    return credential;
  };
  bench.passkey = { first: bench.waitFor('firstCodes'), all: bench.waitFor('codes', count) };
}

async function passkeyVault(browser, origin, count) {
  const context = await newAppContext(browser, origin);
  await context.addInitScript(passkeyProbe, count);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      hasPrf: true,
      automaticPresenceSimulation: true,
    },
  });
  await createVault(page);
  const file = { name: 'accounts.txt', mimeType: 'text/plain', buffer: otpauthList(makeAccounts(count, 'passkey')) };
  await importFile(page, file, count);
  await page.getByRole('button', { name: 'Settings' }).click(); // the import ends on the list
  await page.getByRole('button', { name: 'Security' }).click();
  await page.getByLabel('Vault password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  await page.getByRole('list', { name: 'Passkeys' }).getByRole('listitem').first().waitFor(SLOW);
  const answers = (enabled) => cdp.send('WebAuthn.setAutomaticPresenceSimulation', { authenticatorId, enabled });
  return { context, page, count, answers, passkey: [], cold: [], password: [] };
}

/** Times since the assertion's return, read once every code shows. */
async function codesAfterAssertion(page) {
  const { first, all } = await page.evaluate(async () => {
    const [f, a] = await Promise.all([window.__bench.passkey.first, window.__bench.passkey.all]);
    return { first: f.frame, all: a.frame };
  });
  const { assertion } = await page.evaluate(() => window.__bench.marks);
  if (assertion === undefined) throw new Error('the codes showed without a passkey assertion');
  return { first: first - assertion, all: all - assertion, fromLoad: all };
}

/**
 * Tapped: the lock screen has loaded what it preloads (as while a password is typed), then `Unlock with passkey`.
 * The offer the load made waits meanwhile (the authenticator is silent), and the tap replaces it.
 */
async function tappedSample(vault) {
  await vault.answers(false);
  await vault.page.goto('/');
  await vault.page.waitForLoadState('networkidle');
  await vault.answers(true);
  await vault.page.getByRole('button', { name: 'Unlock with passkey' }).click();
  return codesAfterAssertion(vault.page);
}

/** A cold start: the page load offers the passkey by itself, and the authenticator answers at once. */
async function coldSample(vault) {
  await vault.answers(true);
  await vault.page.goto('/');
  return codesAfterAssertion(vault.page);
}

async function passwordSample(vault) {
  await vault.answers(false);
  return unlockTimed(vault.page, vault.count);
}

export async function measurePasskeyUnlocks(browser, origin, sizes, { rounds = 7 } = {}) {
  const localhost = origin.replace('//127.0.0.1:', '//localhost:');
  const vaults = [];
  for (const count of sizes) vaults.push(await passkeyVault(browser, localhost, count));
  for (const v of vaults) {
    await coldSample(v); // warm-up
    await tappedSample(v);
    await passwordSample(v);
  }
  for (let i = 0; i < rounds; i++) {
    for (const v of vaults) {
      v.cold.push(await coldSample(v));
      v.passkey.push(await tappedSample(v));
      v.password.push(await passwordSample(v));
    }
  }
  for (const v of vaults) await v.context.close();
  return vaults.map(({ count, passkey, cold, password }) => ({ count, passkey, cold, password }));
}
