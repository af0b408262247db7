import { expect } from './support/fixtures';
import { RFC_SECRET, accountItem, createVault, unlock } from './support/app';
import { RECORD_STREAMS, askedFor, cameraTest, liveTracks } from './fixtures/camera';

const URI = `otpauth://totp/Camera%20Bank:carol?secret=${RFC_SECRET}&issuer=Camera%20Bank`;
const test = cameraTest({ showing: URI });

test('Scan QR code: the back camera finds the code, the review opens, the account is saved, the camera is off', async ({
  page,
}) => {
  await page.addInitScript(RECORD_STREAMS);
  await createVault(page);
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('button', { name: 'Scan QR code' }).click();

  await expect(page.getByRole('heading', { name: 'Add this account?' })).toBeVisible();
  await expect(page.getByText('From a QR code')).toBeVisible();
  await expect(page.getByLabel('Issuer')).toHaveValue('Camera Bank');
  await expect(page.getByLabel('Account name')).toHaveValue('carol');
  // The scanner closed with the review: every track it opened is stopped.
  await expect.poll(() => liveTracks(page)).toBe(0);
  // The back camera was asked for first.
  const [first] = await askedFor(page);
  expect(first?.video).toMatchObject({ facingMode: { exact: 'environment' } });

  await page.getByRole('button', { name: 'Save' }).click();
  await expect(accountItem(page, 'Camera Bank')).toContainText('carol');

  // The home-screen shortcut "Scan QR code" (/?action=scan) opens the scanner once the vault is unlocked.
  await page.goto('/?action=scan');
  await unlock(page);
  await expect(page.getByLabel('Issuer')).toHaveValue('Camera Bank');
  await expect(page.getByRole('note')).toContainText('You already have Camera Bank');
});
