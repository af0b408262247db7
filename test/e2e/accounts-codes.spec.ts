import { test, expect } from './support/fixtures';
import { accountItem, createVault, otpauth, shownCode, unlock } from './support/app';
import {
  T_CALM,
  axeViolations,
  T_EXPIRING,
  hotpAt,
  openSettings,
  backToList,
  pasteLink,
  toast,
  totpAt,
} from './accounts-support/helpers';
import { savesSettled } from './support/slow-sealing';

const AHEAD = /(1 minute 59 seconds|2 minutes( 1 second)?) ahead/;
const HOTP_LINK =
  'otpauth://hotp/Counter%20Co:carol?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Counter%20Co&counter=5';

test.describe('codes', () => {
  test('a row shows issuer, account, monogram, grouped code and a countdown; the last seconds are marked', async ({
    page,
  }) => {
    await page.clock.setFixedTime(T_EXPIRING);
    await createVault(page);
    await pasteLink(page, otpauth('Example Bank', 'alice@example.com'));
    await pasteLink(page, otpauth('GitHub', 'octo', 'JBSWY3DPEHPK3PXP', '&period=60'));

    const bank = accountItem(page, 'Example Bank');
    await expect(bank).toContainText('alice@example.com');
    await expect(bank.locator('.code')).toHaveText('081 804');
    await expect(bank.locator('.avatar')).toHaveText('E');
    await expect(bank.locator('.avatar')).toHaveAttribute('aria-hidden', 'true');
    // The last second of a 30-s step: marked, and the timer says so to a screen reader.
    const timer = bank.getByRole('timer');
    await expect(timer).toHaveText('1');
    await expect(timer).toHaveAccessibleName('Code changes in 1 second');
    await expect(bank).toHaveClass(/expiring/);
    // The button's name is what the row shows, in order, and what a tap does.
    await expect(
      bank.getByRole('button', { name: /Example Bank\s+alice@example\.com\s+081 804\s*, copy code/ }),
    ).toBeVisible();

    // A 60-s account at the same instant has 31 s left: not marked.
    const github = accountItem(page, 'GitHub');
    await expect(github.getByRole('timer')).toHaveText('31');
    await expect(github).not.toHaveClass(/expiring/);
    expect(await shownCode(page, 'GitHub')).toBe(totpAt(T_EXPIRING, 'JBSWY3DPEHPK3PXP', 60));
    // The monogram colour is stable across reloads (derived from the issuer, no network icon).
    const colour = await bank.locator('.avatar').evaluate((el) => getComputedStyle(el).backgroundColor);
    await page.reload();
    await unlock(page);
    await expect(accountItem(page, 'Example Bank').locator('.avatar')).toHaveCSS('background-color', colour);
  });

  test('the next-code preview shows the code of the following step', async ({ page }) => {
    await page.clock.setFixedTime(T_CALM);
    await createVault(page);
    await pasteLink(page, otpauth('Example Bank', 'alice'));
    await expect(accountItem(page, 'Example Bank').locator('.next-code')).toHaveCount(0);
    await openSettings(page, 'Appearance');
    await page.getByLabel('Show the next code').check();
    await backToList(page);
    const next = accountItem(page, 'Example Bank').locator('.next-code');
    const expected = totpAt(T_CALM + 30_000);
    await expect(next).toHaveText(`next ${expected.slice(0, 3)} ${expected.slice(3)}`);
    expect(await shownCode(page, 'Example Bank')).toBe(totpAt(T_CALM));
  });

  test('tap or Enter copies the code with a confirmation; the clipboard is cleared after 30 s if asked', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.clock.install({ time: T_CALM });
    await page.clock.resume();
    await createVault(page);
    await pasteLink(page, otpauth('Example Bank', 'alice'));
    const code = await shownCode(page, 'Example Bank');
    const readClipboard = () => page.evaluate(() => navigator.clipboard.readText());

    await accountItem(page, 'Example Bank')
      .getByRole('button', { name: /copy code$/ })
      .click();
    await expect(toast(page)).toContainText('Copied the code for Example Bank (alice).');
    expect(await readClipboard()).toBe(code);

    // Keyboard: focus the row and press Enter.
    await page.evaluate(() => navigator.clipboard.writeText('something else'));
    await accountItem(page, 'Example Bank')
      .getByRole('button', { name: /copy code$/ })
      .focus();
    await page.keyboard.press('Enter');
    await expect.poll(readClipboard).toBe(code);

    // Without the setting the code stays; with it, it is cleared 30 s later.
    await page.clock.runFor(31_000);
    expect(await readClipboard()).toBe(code);
    await openSettings(page, 'Security');
    await page.getByLabel('Clear the clipboard 30 seconds after copying').check();
    await backToList(page);
    const later = await shownCode(page, 'Example Bank');
    await accountItem(page, 'Example Bank')
      .getByRole('button', { name: /copy code$/ })
      .click();
    await expect.poll(readClipboard).toBe(later);
    await page.clock.runFor(29_000);
    expect(await readClipboard()).toBe(later);
    await page.clock.runFor(2_000);
    await expect.poll(readClipboard).toBe('');
  });

  test('the code changes right at the boundary, and after a clock jump (a device asleep) shows the current period', async ({
    page,
  }) => {
    await page.clock.install({ time: T_CALM });
    await createVault(page);
    await pasteLink(page, otpauth('Example Bank', 'alice'));
    const code = () => shownCode(page, 'Example Bank');
    // First while the clock runs: Preact runs effects (the list's first refresh) on timers the paused clock holds.
    await code();
    const boundary = Math.ceil((await page.evaluate(() => Date.now())) / 30_000 + 0.01) * 30_000;

    await page.clock.pauseAt(boundary - 200);
    await expect.poll(code).toBe(totpAt(boundary - 200));
    // Mutations are delivered once per task: the batch that writes the new code must also hold the countdown's
    // new seconds (written apart, the two could be drawn a frame apart, and the boundary cost two frames).
    await page.evaluate(() => {
      const row = document.querySelector('ul[aria-label="Accounts"] .account')!;
      const seen: string[] = ((window as unknown as { withNewCode: string[] }).withNewCode = []);
      const inside = (m: MutationRecord, selector: string) => Boolean(m.target.parentElement?.closest(selector));
      new MutationObserver((batch) => {
        if (!batch.some((m) => inside(m, '.code'))) return;
        const countdown = row.querySelector('.countdown')!.textContent!;
        seen.push(batch.some((m) => inside(m, '.countdown')) ? countdown : `countdown not written (${countdown})`);
      }).observe(row, { subtree: true, characterData: true, childList: true });
    });
    // The next period's code was computed ahead: it shows on the tick that crosses the boundary, in the same
    // task (so the same frame) as the countdown's new 30 seconds.
    await page.clock.runFor(300);
    await expect.poll(code).toBe(totpAt(boundary + 100));
    expect(await page.evaluate(() => (window as unknown as { withNewCode: string[] }).withNewCode)).toEqual(['30']);

    // Two and a half minutes pass at once: the timer set for the next boundary fires far too late, and the row
    // must show the code of now, not the one prepared for that boundary.
    const later = boundary + 4 * 30_000 + 15_000;
    await page.clock.pauseAt(later);
    await page.clock.runFor(100);
    await expect.poll(code).toBe(totpAt(later + 100));
    expect(totpAt(later)).not.toBe(totpAt(boundary + 30_000));
  });

  test('tap-to-reveal hides codes, reveals one on tap, and hides it again after 30 s', async ({ page }) => {
    await page.clock.install({ time: T_CALM });
    await page.clock.resume();
    await createVault(page);
    await pasteLink(page, otpauth('Example Bank', 'alice'));
    await openSettings(page, 'Security');
    await page.getByLabel('Hide codes until tapped').check();
    await backToList(page);

    const row = accountItem(page, 'Example Bank');
    await expect(row.locator('.code')).toHaveText('••• •••');
    await expect(row).not.toContainText(/\d{3} \d{3}/);
    await expect(row.getByRole('button', { name: /Example Bank\s+alice\s*, code hidden: reveal code/ })).toBeVisible();
    await row.getByRole('button', { name: /reveal code/ }).click();
    await expect(row.locator('.code')).toHaveText(/^\d{3} \d{3}$/);
    await page.clock.runFor(29_000);
    await expect(row.locator('.code')).toHaveText(/^\d{3} \d{3}$/);
    await page.clock.runFor(2_000);
    await expect(row.locator('.code')).toHaveText('••• •••');
  });

  test('HOTP: Next code saves the counter before showing the code, survives a reload, ignores a double tap', async ({
    page,
  }) => {
    await page.clock.setFixedTime(T_CALM);
    await createVault(page);
    await pasteLink(page, HOTP_LINK);
    const row = accountItem(page, 'Counter Co');
    await expect(row.locator('.counter')).toHaveText('Counter #5');
    expect(await shownCode(page, 'Counter Co')).toBe(hotpAt(5));
    await expect(row.getByRole('timer')).toHaveCount(0);

    await row.getByRole('button', { name: 'Next code' }).click();
    await expect(row.locator('.counter')).toHaveText('Counter #6');
    await expect(row.locator('.code')).toHaveText(hotpAt(6).replace(/(\d{3})(\d{3})/, '$1 $2'));

    // Two taps in quick succession count once (after the debounce of the first tap has passed).
    await page.waitForTimeout(1_000);
    await row.getByRole('button', { name: 'Next code' }).dblclick();
    await expect(row.locator('.counter')).toHaveText('Counter #7');
    await page.waitForTimeout(1_000);
    await expect(row.locator('.counter')).toHaveText('Counter #7');

    await page.reload();
    await unlock(page);
    await expect(accountItem(page, 'Counter Co').locator('.counter')).toHaveText('Counter #7');
    expect(await shownCode(page, 'Counter Co')).toBe(hotpAt(7));
  });

  test('a device clock 2 minutes ahead is detected from the server Date header and codes can be corrected', async ({
    page,
  }) => {
    const realStart = Date.now();
    // Both clocks stand still, 2 minutes apart: the server's (its Date header, as the clock check reads it) and
    // the device's. Real time passing while the test runs changes neither.
    await page.route('**/robots.txt?clock-check=*', (route) =>
      route.fulfill({ status: 200, headers: { date: new Date(realStart).toUTCString() } }),
    );
    await page.clock.setFixedTime(realStart + 120_000);
    await createVault(page);
    await pasteLink(page, otpauth('Example Bank', 'alice'));
    const warning = page.locator('.clock-warning');
    // About 2 minutes: the test's own steps take a few real seconds after the fake clock was set.
    await expect(warning).toContainText(AHEAD);
    expect(await shownCode(page, 'Example Bank')).toBe(totpAt(realStart + 120_000));
    expect(await axeViolations(page), 'axe with the clock warning').toEqual([]);

    await warning.getByRole('button', { name: 'Correct codes' }).click();
    await expect(warning).toHaveCount(0);
    await expect(page.getByText(/Codes are corrected for a device clock/)).toContainText(AHEAD);
    // The corrected clock reads the server's time, to within the second its Date header names.
    const around = [-1_000, 1_000].map((d) => totpAt(realStart + d));
    await expect.poll(() => shownCode(page, 'Example Bank')).not.toBe(totpAt(realStart + 120_000));
    expect(around).toContain(await shownCode(page, 'Example Bank'));

    // The correction is a saved setting: after a reload the codes are still corrected, with no warning.
    await savesSettled(page);
    await page.reload();
    await unlock(page);
    expect(around).toContain(await shownCode(page, 'Example Bank'));
    await expect(page.getByText('Codes are corrected')).toBeVisible();
    await expect(warning).toHaveCount(0);
    await page.getByRole('button', { name: 'Stop correcting' }).click();
    await expect(page.locator('.clock-warning')).toContainText(AHEAD);
  });

  test('a clock that is right gets no warning', async ({ page, baseURL }) => {
    await createVault(page);
    await pasteLink(page, otpauth('Example Bank', 'alice'));
    // The check is one same-origin HEAD request that bypasses the service worker's cache.
    await expect
      .poll(() =>
        page.evaluate(() =>
          performance.getEntriesByType('resource').some((e) => e.name.includes('/robots.txt?clock-check=')),
        ),
      )
      .toBe(true);
    await page.waitForTimeout(300);
    await expect(page.locator('.clock-warning')).toHaveCount(0);
    expect(baseURL).toMatch(/^http:\/\/127\.0\.0\.1:/);
  });
});
