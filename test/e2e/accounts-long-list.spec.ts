import { test, expect, type Page } from './support/fixtures';
import { accountItem, createVault, shownCode, unlock } from './support/app';
import {
  T_CALM,
  axeViolations,
  backToList,
  importUris,
  list,
  manyAccounts,
  openMenuItem,
  openSettings,
  rowIssuers,
  totpAt,
} from './accounts-support/helpers';

// Over the 100 rows a list renders whole, so it is windowed; the issuers are numbered in a shuffled order, so
// sorting by issuer differs from the order of adding.
const COUNT = 400;
const accounts = manyAccounts(COUNT, { shuffled: true });
const byIssuer = [...accounts].sort((a, b) => a.issuer.localeCompare(b.issuer));

const rows = (page: Page) => list(page).getByRole('listitem');
const periodOf = (uri: string) => (uri.includes('period=60') ? 60 : 30);

async function setUp(page: Page) {
  await page.clock.setFixedTime(T_CALM);
  await createVault(page);
  await importUris(
    page,
    accounts.map((a) => a.uri),
  );
  await expect(rows(page).first()).toHaveAttribute('aria-setsize', String(COUNT));
}

test.describe('a long list', () => {
  test.describe.configure({ timeout: 90_000 });

  test('renders the rows near the screen, says where each stands, and scrolls to the last with its code', async ({
    page,
  }) => {
    await setUp(page);
    const rendered = await rows(page).count();
    expect(rendered, 'rows in the DOM').toBeGreaterThan(10);
    expect(rendered, 'rows in the DOM').toBeLessThan(120);
    await expect(rows(page).first()).toHaveAttribute('aria-posinset', '1');
    expect(await axeViolations(page), 'axe on a windowed list').toEqual([]);
    expect(await shownCode(page, accounts[0]!.issuer)).toBe(
      totpAt(T_CALM, accounts[0]!.secret, periodOf(accounts[0]!.uri)),
    );

    // The far end of the list: rendered once scrolled to, in its place, with the right code.
    // The padding below the rendered rows is estimated from the rows measured so far, so the page's height can
    // settle once the last rows are rendered: scroll to the end again until it is reached, as a user would.
    const last = accounts[COUNT - 1]!;
    await expect(async () => {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await expect(accountItem(page, last.issuer)).toBeInViewport({ timeout: 1_000 });
    }).toPass();
    await expect(accountItem(page, last.issuer)).toHaveAttribute('aria-posinset', String(COUNT));
    expect(await shownCode(page, last.issuer)).toBe(totpAt(T_CALM, last.secret, periodOf(last.uri)));
    expect(await rows(page).count(), 'rows in the DOM at the end').toBeLessThan(120);
    // …and back at the top, the first row again.
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(accountItem(page, accounts[0]!.issuer)).toBeInViewport();
  });

  test('Tab walks on past the rows first rendered, keeping the focused row on screen', async ({ page }) => {
    await setUp(page);
    const firstRendered = await rows(page).count();
    await rows(page).first().getByRole('button').first().focus();
    // Each row has its copy button and its menu button: walk well past the rows rendered at first.
    for (let i = 0; i < (firstRendered + 10) * 2; i++) await page.keyboard.press('Tab');
    const focused = page.locator('li.account:has(:focus)');
    await expect(focused).toBeInViewport();
    const position = Number(await focused.getAttribute('aria-posinset'));
    expect(position).toBeGreaterThan(firstRendered);
  });

  test('search finds an account far down the list', async ({ page }) => {
    await setUp(page);
    const target = accounts[COUNT - 7]!;
    await page.getByLabel('Search').fill(target.issuer);
    await expect(rows(page)).toHaveCount(1);
    expect(await shownCode(page, target.issuer)).toBe(totpAt(T_CALM, target.secret, periodOf(target.uri)));
    // A short result is a whole list again: no place-in-set needed.
    await expect(rows(page).first()).not.toHaveAttribute('aria-setsize', /./);
  });

  test('unlocks to the first screen of the chosen order, then the whole list; a pinned account comes first', async ({
    page,
  }) => {
    await setUp(page);
    await openSettings(page, 'Appearance');
    await page.getByLabel('Sort accounts by').selectOption('issuer');
    await backToList(page);
    const pinned = byIssuer[250]!;
    await page.getByLabel('Search').fill(pinned.issuer);
    await openMenuItem(page, pinned.issuer, 'Pin as favourite');
    await expect(accountItem(page, pinned.issuer)).toHaveClass(/favorite/); // saved before the reload
    await page.getByLabel('Search').fill('');

    await page.reload();
    await unlock(page);
    await expect(rows(page).first()).toHaveAttribute('aria-setsize', String(COUNT));
    const expected = [`★ ${pinned.issuer}`, ...byIssuer.filter((a) => a !== pinned).map((a) => a.issuer)].slice(0, 10);
    expect((await rowIssuers(page)).slice(0, 10)).toEqual(expected);
    expect(await shownCode(page, pinned.issuer)).toBe(totpAt(T_CALM, pinned.secret, periodOf(pinned.uri)));
  });

  test('if the rest cannot be read after the first screen, the first screen stays and says how to retry', async ({
    page,
  }) => {
    await setUp(page);
    await page.reload();
    // The first read of every record (made during the KDF) succeeds; the second, for the rest of the list, fails.
    await page.evaluate(() => {
      const getAll = IDBObjectStore.prototype.getAll;
      let reads = 0;
      IDBObjectStore.prototype.getAll = function (this: IDBObjectStore, ...args: Parameters<typeof getAll>) {
        if (this.name === 'records' && ++reads === 2)
          throw new DOMException('The disk could not be read.', 'UnknownError');
        return getAll.apply(this, args);
      };
    });
    await unlock(page);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Not every account could be read.');
    await expect(alert).toContainText('Lock Latchkey, then unlock it again to retry; nothing was changed.');
    expect(await shownCode(page, accounts[0]!.issuer)).toBe(
      totpAt(T_CALM, accounts[0]!.secret, periodOf(accounts[0]!.uri)),
    );

    await page.getByRole('button', { name: 'Lock' }).click();
    await unlock(page);
    await expect(rows(page).first()).toHaveAttribute('aria-setsize', String(COUNT));
    await expect(alert).toHaveCount(0);
  });
});
