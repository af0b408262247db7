import { expect } from './support/fixtures';
import { RFC_SECRET, createVault } from './support/app';
import { cameraTest } from './fixtures/camera';
import { qrPng } from './fixtures/qr';

// A camera exists, but nobody answers the permission prompt with "allow": Chromium denies it.
const test = cameraTest({ allow: false });

const URI = `otpauth://totp/Picture%20Bank:dana?secret=${RFC_SECRET}&issuer=Picture%20Bank`;

/** No camera at all: what a desktop without a webcam reports. */
const NO_CAMERA = () => {
  const devices = navigator.mediaDevices;
  devices.enumerateDevices = async () => [];
  devices.getUserMedia = async () => {
    throw new DOMException('Requested device not found', 'NotFoundError');
  };
};

const cases = [
  { name: 'permission denied', init: null, says: /not allowed to use the camera/ },
  { name: 'no camera', init: NO_CAMERA, says: /No camera was found/ },
];

for (const { name, init, says } of cases) {
  test(`${name}: says so plainly and offers a picture instead, which works`, async ({ page }) => {
    if (init) await page.addInitScript(init);
    await createVault(page);
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByRole('button', { name: 'Scan QR code' }).click();
    await expect(page.getByRole('alert')).toHaveText(says);
    await expect(page.getByText(/add the account from a picture of its QR code/)).toBeVisible();
    await expect(page.getByLabel('Camera view')).toBeHidden();

    await page.getByLabel('QR code image').setInputFiles({
      name: 'code.png',
      mimeType: 'image/png',
      buffer: await qrPng(URI),
    });
    await expect(page.getByLabel('Issuer')).toHaveValue('Picture Bank');
    await expect(page.getByText('From a QR code image')).toBeVisible();
  });
}
