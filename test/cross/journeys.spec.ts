/**
 * The journeys that matter, in every engine (Firefox, WebKit; Chromium when LATCHKEY_ENGINES names it): one
 * description, three drivers. Codes are checked against the engine's own clock (no fake clock outside Playwright).
 * Each test is a fresh profile, and each vault costs an Argon2id run: journeys are grouped so the whole run stays
 * within the CI budget.
 */
import { decodePng } from '../e2e/fixtures/qr';
import { test, expect } from './fixtures';
import {
  ACCOUNTS,
  aegisFile,
  PASSWORD,
  addByLink,
  backToList,
  button,
  createVault,
  expectCodeNow,
  expectNoPlaintext,
  exportBackup,
  hotpAt,
  importFile,
  openMenuItem,
  otpauthLink,
  pasteLink,
  row,
  rowText,
  steamAt,
  totpAt,
  unlock,
  unlockAndWait,
} from './helpers';

// A secret of its own for each account, so the storage check can look for every one of them.
const SHA1 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const SHA256 = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const SHA512 = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU';
const HOTP = 'MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK';
const STEAM = 'ONSWG4TFORZWK3DPONSWG4TFORZWK3DP';

test('link, codes, reload, wrong password, lock and unlock: TOTP SHA-1/256/512, HOTP, Steam; nothing readable stored', async ({
  driver,
}) => {
  await createVault(driver);
  // The link path a phone takes (a fresh load, unlock, review), then the others pasted on the Add screen.
  await addByLink(driver, otpauthLink('totp', 'Example Bank', 'alice@example.com', SHA1));
  expect(await driver.evaluate(() => location.href), 'the secret-bearing link left the address bar').not.toContain(
    'secret',
  );
  await pasteLink(driver, otpauthLink('totp', 'Sha Two', 'bob', SHA256, '&algorithm=SHA256&digits=8'));
  await pasteLink(driver, otpauthLink('totp', 'Sha Five', 'carol', SHA512, '&algorithm=SHA512&period=60'));
  await pasteLink(driver, otpauthLink('hotp', 'Counter Co', 'dave', HOTP, '&counter=5'));
  await pasteLink(driver, otpauthLink('totp', 'Steam', 'gabe', STEAM, '&encoder=steam'));

  const checkCodes = async () => {
    await expectCodeNow(driver, 'Example Bank', totpAt(SHA1, 'SHA1', 6, 30));
    await expectCodeNow(driver, 'Sha Two', totpAt(SHA256, 'SHA256', 8, 30));
    await expectCodeNow(driver, 'Sha Five', totpAt(SHA512, 'SHA512', 6, 60), 60);
    await expectCodeNow(driver, 'Steam', steamAt(STEAM));
  };
  await checkCodes();
  // The link's reload came while the first service worker installed: once it controls the page, no update is
  // offered for it (Firefox offered one, and its banner covered Add account).
  await driver.waitFor('the service worker to control the page', () =>
    driver.evaluate(() => navigator.serviceWorker.controller !== null),
  );
  expect(await driver.has({ role: 'status', text: 'Update available' })).toBe(false);
  expect(await rowText(driver, 'Counter Co')).toContain(hotpAt(HOTP, 5));
  await driver.click(button('Next code'));
  await driver.waitFor('the HOTP code for counter 6', async () =>
    (await rowText(driver, 'Counter Co')).includes(hotpAt(HOTP, 6)),
  );

  await driver.reload();
  await driver.waitForElement(button('Unlock'));
  await unlock(driver, 'not the password');
  await driver.waitForElement({ role: 'alert' });
  expect(await driver.text({ role: 'alert' })).toMatch(/password/i);
  await unlockAndWait(driver);
  await checkCodes();
  // The counter was stored before the code was shown: it survives the reload.
  expect(await rowText(driver, 'Counter Co')).toContain(hotpAt(HOTP, 6));

  await driver.click(button('Lock', true));
  await driver.waitForElement(button('Unlock'));
  expect(await driver.count(ACCOUNTS)).toBe(0);
  await unlockAndWait(driver);
  expect(await driver.count({ role: 'listitem', within: ACCOUNTS })).toBe(5);

  await expectNoPlaintext(driver, [
    PASSWORD,
    ...[SHA1, SHA256, SHA512, HOTP, STEAM].flatMap((s) => [s, s.toLowerCase()]),
    'Example Bank',
    'alice@example.com',
    'Counter Co',
  ]);
});

test('manual entry, then Show QR code decodes to the account', async ({ driver }) => {
  await createVault(driver);
  await driver.click(button('Add account'));
  await driver.click(button('Enter manually'));
  await driver.fill('Issuer', 'Typed Co');
  await driver.fill('Account name', 'erin');
  await driver.fill('Secret key', SHA256.toLowerCase().replace(/(.{4})/g, '$1 '));
  await driver.click(button('Save', true));
  await driver.waitForElement(ACCOUNTS);
  await expectCodeNow(driver, 'Typed Co', totpAt(SHA256, 'SHA1', 6, 30));

  // Within a minute of the unlock (the vault was just made), the QR code shows without asking again.
  await openMenuItem(driver, 'Typed Co (erin)', 'Show QR code');
  const image = { role: 'img', name: 'QR code for Typed Co (erin)' };
  const src = (await driver.attribute(image, 'src')) ?? '';
  const png = /^data:image\/png;base64,(.+)$/.exec(src);
  expect(png, 'the QR code is a PNG data URL').not.toBeNull();
  const decoded = decodePng(Buffer.from(png![1]!, 'base64')) ?? '';
  expect(decoded).toContain(`secret=${SHA256}`);
  expect(decoded).toContain('Typed%20Co');
  await driver.click(button('Done', true));
  await driver.waitForElement(ACCOUNTS);
});

test('import an encrypted Aegis file; export a backup, read it back, and restore it in another profile', async ({
  driver,
  secondProfile,
}) => {
  await createVault(driver);
  const aegis = aegisFile('aegis password', [
    { issuer: 'Aegis Bank', name: 'frank', secret: SHA512 },
    { issuer: 'Aegis Counter', name: 'grace', secret: HOTP, hotpCounter: 3 },
  ]);
  await importFile(driver, 'aegis-export.json', aegis, 'aegis password');
  await driver.click({ role: 'button', name: 'Import 2 accounts' });
  await driver.waitForElement(row('Aegis Bank'));
  await expectCodeNow(driver, 'Aegis Bank', totpAt(SHA512, 'SHA1', 6, 30));
  expect(await rowText(driver, 'Aegis Counter')).toContain(hotpAt(HOTP, 3));

  const backup = await exportBackup(driver);
  const text = backup.bytes.toString('utf8');
  for (const needle of ['Aegis Bank', 'frank', SHA512, HOTP]) expect(text).not.toContain(needle);
  // Read back by this engine: the same accounts, already in Latchkey.
  await backToList(driver);
  await importFile(driver, backup.name, backup.bytes, PASSWORD);
  await driver.waitFor('both accounts marked as already in Latchkey', async () =>
    driver.evaluate(() => (document.body.innerText.match(/already in Latchkey/g) ?? []).length === 2),
  );

  // A Latchkey backup restored into another profile of this engine, as on a new phone.
  const phone = await secondProfile();
  await createVault(phone, 'another password 123');
  await importFile(phone, backup.name, backup.bytes, PASSWORD);
  await phone.click({ role: 'button', name: 'Import 2 accounts' });
  await phone.waitForElement(row('Aegis Bank'));
  await expectCodeNow(phone, 'Aegis Bank', totpAt(SHA512, 'SHA1', 6, 30));
  expect(await rowText(phone, 'Aegis Counter')).toContain(hotpAt(HOTP, 3));
});

test('offline: with the server stopped, a reload still opens the app, unlocks and shows codes', async ({
  driver,
  server,
}) => {
  await createVault(driver);
  await pasteLink(driver, otpauthLink('totp', 'Offline Bank', 'heidi', SHA1));
  await driver.waitFor('the service worker to control the page', () =>
    driver.evaluate(() => navigator.serviceWorker.controller !== null),
  );
  await server.close();
  await driver.reload();
  await unlockAndWait(driver);
  await expectCodeNow(driver, 'Offline Bank', totpAt(SHA1, 'SHA1', 6, 30));
});
