import { test, expect, type Page } from './support/fixtures';
import { RFC_SECRET, createVault } from './support/app';
import { hardImages, qrPng, transform } from './fixtures/qr';

const uri = (issuer: string) =>
  `otpauth://totp/${encodeURIComponent(issuer)}:erin?secret=${RFC_SECRET}&issuer=${encodeURIComponent(issuer)}`;

type Delivery = 'pick' | 'paste' | 'drop';

/** Hands a picture to the app the three ways a person can: the file picker, the clipboard, drag and drop. */
async function give(page: Page, bytes: Buffer, how: Delivery, type = 'image/png') {
  if (how === 'pick') {
    await page.getByLabel('QR code image').setInputFiles({ name: 'qr', mimeType: type, buffer: bytes });
    return;
  }
  await page.evaluate(
    ({ base64, how, type }) => {
      const data = new DataTransfer();
      data.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], 'qr', { type }));
      const event =
        how === 'paste'
          ? new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
          : new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
      document.body.dispatchEvent(event);
    },
    { base64: bytes.toString('base64'), how, type },
  );
}

async function openAdd(page: Page) {
  await page.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByRole('heading', { name: 'Add account' })).toBeVisible();
}

test('hard pictures of a QR code are read: rotated, blurred, faint, inverted, tiny, a large photo', async ({
  page,
}, info) => {
  test.setTimeout(60_000);
  await createVault(page);
  const images = await hardImages(uri('Picture Bank'));
  for (const [kind, bytes] of Object.entries(images)) {
    await openAdd(page);
    const started = Date.now();
    await give(page, bytes, 'pick', kind === 'huge photo' ? 'image/jpeg' : 'image/png');
    await expect(page.getByLabel('Issuer'), kind).toHaveValue('Picture Bank');
    info.annotations.push({ type: 'read time', description: `${kind}: ${Date.now() - started} ms` });
    await page.getByRole('button', { name: 'Cancel' }).click();
  }
});

test('pasted and dropped pictures are read, on the list and on Add account', async ({ page }) => {
  await createVault(page);
  await give(page, await qrPng(uri('Pasted Bank')), 'paste');
  await expect(page.getByLabel('Issuer')).toHaveValue('Pasted Bank');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await openAdd(page);
  await give(page, await qrPng(uri('Dropped Bank')), 'drop');
  await expect(page.getByLabel('Issuer')).toHaveValue('Dropped Bank');
});

test('refusals: a web address, plain text, no QR code, not a picture; each says what it is', async ({ page }) => {
  await createVault(page);
  const blank = transform(await qrPng('x'), 'drawbox=c=white:t=fill');
  const cases: { bytes: Buffer; type?: string; says: RegExp }[] = [
    {
      bytes: await qrPng('https://example.com/login?token=abc123'),
      says: /This QR code holds a web address \(https:\/\/example\.com\/\.\.\.\), not an account\./,
    },
    { bytes: await qrPng('Meet at noon'), says: /holds plain text \(“Meet at noon”\), not an account/ },
    { bytes: blank, says: /No QR code was found in this image/ },
    { bytes: Buffer.from('not a picture at all'), type: 'image/png', says: /not a picture Latchkey can open/ },
  ];
  for (const { bytes, type, says } of cases) {
    await openAdd(page);
    await give(page, bytes, 'pick', type);
    await expect(page.getByRole('alert')).toHaveText(says);
    await expect(page.getByRole('alert')).not.toContainText('abc123');
    await page.getByRole('button', { name: 'Back' }).click();
  }
  await expect(page.getByRole('list', { name: 'Accounts', exact: true }).getByRole('listitem')).toHaveCount(0);
});
