/**
 * Languages with the browser's locale set (issue 18): German and Japanese walk first run, add by link, the list,
 * settings and import, axe-clean on each; Arabic is right to left on every screen, with no sideways scroll at
 * 390 px, and the list and forms mirrored.
 */
import { test, expect, type Page } from './support/fixtures';
import { PASSWORD, otpauth } from './support/app';
import { axeViolations } from './accounts-support/helpers';
import { SETTINGS_SECTIONS } from '../../src/ui/settings/settings-sections';

const LINK = otpauth('Example', 'walker@example.com');

/** The journey, by ids and structure rather than by English names; `look` runs on every screen. */
async function walk(page: Page, look: (screen: string) => Promise<void>) {
  await page.goto('/');
  await expect(page.locator('#setup-password')).toBeVisible();
  await look('first run');
  await page.locator('#setup-password').fill(PASSWORD);
  await page.locator('#setup-confirm').fill(PASSWORD);
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('.fab')).toBeVisible({ timeout: 20_000 });
  await look('empty list');

  await page.locator('.fab').click();
  await expect(page.locator('#paste-link')).toBeVisible();
  await look('add account');
  await page.locator('#paste-link').fill(LINK);
  await page.locator('.paste-link button[type="submit"]').click();
  await expect(page.locator('#review-issuer')).toBeVisible();
  await look('review');
  await page.locator('form button[type="submit"]').click();
  await expect(page.locator('.account')).toHaveCount(1);
  await look('list');

  await page.locator('.app-bar button.icon').first().click();
  await expect(page.locator('.nav-list')).toBeVisible();
  await look('settings');
  await page.locator('.nav-row').nth(SETTINGS_SECTIONS.indexOf('transfer')).click();
  await expect(page.locator('#import-file')).toBeAttached();
  await look('import and export');
  await page.locator('#import-file').setInputFiles({
    name: 'accounts.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(`${otpauth('Other', 'someone@example.com')}\n`),
  });
  await expect(page.locator('.import-list')).toBeVisible();
  await look('import review');
}

for (const { locale, heading, review } of [
  { locale: 'de-DE', heading: 'Willkommen bei Latchkey', review: 'Import aus' },
  { locale: 'ja-JP', heading: 'Latchkey へようこそ', review: 'からインポート' },
]) {
  test.describe(locale, () => {
    test.use({ locale });

    test(`speaks ${locale} from the browser's locale, axe-clean on every screen`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.goto('/');
      await expect(page.getByRole('heading', { name: heading })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', locale.slice(0, 2));
      await walk(page, async (screen) => {
        await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
        expect(await axeViolations(page), `axe on ${screen}`).toEqual([]);
      });
      await expect(page.getByRole('heading', { level: 1 })).toContainText(review);
    });
  });
}

test.describe('Arabic', () => {
  test.use({ locale: 'ar-EG', viewport: { width: 390, height: 844 } });

  test('every screen is right to left, mirrored, with no sideways scroll at 390 px', async ({ page }) => {
    test.setTimeout(90_000);
    await walk(page, async (screen) => {
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      await expect(page.locator('html'), screen).toHaveAttribute('dir', 'rtl');
      await expect(page.locator('html'), screen).toHaveAttribute('lang', 'ar');
      const sideways = await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
      );
      expect(sideways, `${screen} scrolls sideways`).toBe(false);
      // Forms: a label starts at the right edge of its field, as Arabic reads.
      const offsets = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLLabelElement>('main label[for]')].flatMap((label) => {
          const field = document.getElementById(label.htmlFor);
          if (!field || !label.checkVisibility() || field.getBoundingClientRect().width < 100) return [];
          const text = document.createRange();
          text.selectNodeContents(label);
          return [Math.abs(text.getBoundingClientRect().right - field.getBoundingClientRect().right)];
        }),
      );
      for (const offset of offsets)
        expect(offset, `${screen}: a label's text ends where its field ends`).toBeLessThan(24);
      expect(await axeViolations(page), `axe on ${screen}`).toEqual([]);
    });
    // The list is mirrored: the account's mark on the right, its code to the left of it; Back points right.
    await page.goto('/');
    await page.locator('#unlock-password').fill(PASSWORD);
    await page.locator('form button[type="submit"]').click();
    const row = page.locator('.account').first();
    await expect(row).toBeVisible();
    const avatar = await row.locator('.avatar').boundingBox();
    const names = await row.locator('.names').boundingBox();
    expect(avatar!.x).toBeGreaterThan(names!.x);
    const fab = await page.locator('.fab').boundingBox();
    expect(fab!.x + fab!.width / 2).toBeLessThan(390 / 2);
  });
});
