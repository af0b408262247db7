import { test, expect, type Page } from './support/fixtures';
import { accountItem, createVault, otpauth, unlock } from './support/app';
import { T_CALM, backToList, list, openMenuItem, openSettings, pasteLink, toast } from './accounts-support/helpers';

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const LIGHT_BG = 'rgb(243, 245, 250)';
const DARK_BG = 'rgb(11, 18, 32)';

test('themes: system follows the device, light and dark are chosen, and the choice shows on the lock screen', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await createVault(page);
  await expect.poll(() => background(page)).toBe(DARK_BG); // "Same as the system" by default
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => background(page)).toBe(LIGHT_BG);

  await openSettings(page, 'Appearance');
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => background(page)).toBe(DARK_BG);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark'); // read before unlocking
  await expect.poll(() => background(page)).toBe(DARK_BG);

  await unlock(page);
  // The reload was made on Settings → Appearance: unlocking returns there.
  await expect(page.getByRole('heading', { name: 'Appearance', level: 1 })).toBeVisible();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByLabel('Theme').selectOption('light');
  await expect.poll(() => background(page)).toBe(LIGHT_BG);
  await page.getByLabel('Theme').selectOption('system');
  await expect.poll(() => background(page)).toBe(DARK_BG);
});

test('reduced motion turns animations off', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.clock.setFixedTime(T_CALM);
  await createVault(page);
  await pasteLink(page, otpauth('Example Bank', 'alice'));
  await pasteLink(page, otpauth('Other Co', 'bob', 'JBSWY3DPEHPK3PXP'));
  // The undo offer after a delete is a toast people see (a copy is marked in its row instead).
  const remove = async (issuer: string) => {
    await openMenuItem(page, issuer, 'Delete');
    await page
      .getByRole('button', { name: /^Delete/ })
      .last()
      .click();
    await expect(toast(page).locator('.toast')).toContainText(`Deleted ${issuer}`);
  };
  await remove('Example Bank');
  await expect(toast(page).locator('.toast')).toHaveCSS('animation-name', 'none');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await remove('Other Co');
  await expect(toast(page).locator('.toast')).toHaveCSS('animation-name', 'rise');
});

test('keyboard alone: add, copy, open the menu, edit, and come back', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.clock.setFixedTime(T_CALM);
  await createVault(page);
  await pasteLink(page, otpauth('Example Bank', 'alice'));

  // Tab reaches the row's copy button; Enter copies.
  const copy = accountItem(page, 'Example Bank').getByRole('button', { name: /copy code$/ });
  for (let i = 0; i < 12 && !(await copy.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(copy).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(toast(page)).toContainText('Copied the code for Example Bank (alice).');

  // The menu: Enter opens it on its first item, arrows move, Escape closes and gives focus back.
  await page.keyboard.press('Tab');
  const more = page.getByRole('button', { name: 'More actions for Example Bank (alice)' });
  await expect(more).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Show QR code' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('menuitem', { name: 'Delete' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(more).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Show QR code' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Edit' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Edit account' })).toBeVisible();
  await page.getByLabel('Issuer').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Keyboard Bank');
  await page.keyboard.press('Enter'); // submits the form
  await expect(accountItem(page, 'Keyboard Bank')).toBeVisible();
});

test('Escape closes a menu even before it has taken the focus (a fast tap, then Escape)', async ({ page }) => {
  await createVault(page);
  await pasteLink(page, otpauth('Example Bank', 'alice'));
  const more = page.getByRole('button', { name: 'More actions for Example Bank (alice)' });
  // Open, let it render, and press Escape on the button before the effect that moves the focus has run: the
  // timing of a busy phone (and of a CI run, where the menu stayed open over the app bar).
  await more.evaluate(async (button: HTMLElement) => {
    button.focus();
    button.click();
    await Promise.resolve();
    await Promise.resolve();
    if (!document.querySelector('[role="menu"]')) throw new Error('the menu was not drawn yet');
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
  });
  await page.waitForTimeout(300); // the open effect has run by now
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(more).toBeFocused();
});

test('phone and wide layouts: no sideways scrolling, large touch targets, two columns on a wide screen', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.clock.setFixedTime(T_CALM);
  await createVault(page);
  for (const name of ['Alpha', 'Bravo', 'Charlie'])
    await pasteLink(page, otpauth(name, `${name}@example.com`, 'JBSWY3DPEHPK3PX' + name[0]));
  await pasteLink(page, 'otpauth://hotp/Counter%20Co:carol?secret=GEZDGNBVGY3TQOJQ&issuer=Counter%20Co&counter=5');
  const overflow = () =>
    page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = Array.from(document.querySelectorAll('body *'))
        .filter((el) => el.getBoundingClientRect().right > width + 0.5)
        .map((el) => `${el.tagName}.${el.className}`);
      return { scroll: document.documentElement.scrollWidth - width, wide };
    });
  expect(await overflow()).toEqual({ scroll: 0, wide: [] });
  // Every button on the main screen is at least 44 × 44 CSS pixels.
  const small = await page.evaluate(
    () =>
      Array.from(document.querySelectorAll('main button'))
        .map((b) => b.getBoundingClientRect())
        .filter((r) => r.width > 0 && (r.width < 44 || r.height < 44)).length,
  );
  expect(small).toBe(0);
  // Names stay readable on a phone, HOTP rows included.
  const narrowest = await list(page).evaluate((el) =>
    Math.min(...Array.from(el.querySelectorAll('.names'), (n) => n.getBoundingClientRect().width)),
  );
  expect(narrowest).toBeGreaterThan(120);
  const columns = () =>
    list(page).evaluate(
      (el) => new Set(Array.from(el.children, (c) => Math.round(c.getBoundingClientRect().left))).size,
    );
  expect(await columns()).toBe(1);

  await page.setViewportSize({ width: 1440, height: 900 });
  expect(await overflow()).toEqual({ scroll: 0, wide: [] });
  expect(await columns()).toBe(2);
  await openSettings(page);
  await backToList(page);
});
