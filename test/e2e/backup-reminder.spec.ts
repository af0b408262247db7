import { test, expect } from './support/fixtures';
import { slowSealing } from './support/slow-sealing';
import { addByLink, createVault, otpauth, serverClockAt, unlock } from './support/app';
import { exportBackup } from './accounts-support/helpers';

const reminder = (page: import('@playwright/test').Page) => page.getByRole('note', { name: 'Backup reminder' });

test('the backup reminder appears after a change, at most once a week, and not after a verified backup', async ({
  page,
}) => {
  const start = Date.UTC(2026, 10, 1);
  let now = start;
  const setTime = async (ms: number) => {
    now = ms;
    await page.clock.setFixedTime(ms);
  };
  await serverClockAt(page, () => now);
  await setTime(start);
  // Saving is slow (an old phone): the reminder is dismissed before the note that it was shown is stored, and must
  // not come straight back.
  await page.addInitScript(slowSealing, 500);
  await createVault(page);
  await expect(reminder(page)).toHaveCount(0); // nothing to back up yet

  await addByLink(page, otpauth('Example Bank', 'alice'));
  await expect(reminder(page)).toBeVisible();
  await reminder(page).getByRole('button', { name: 'Dismiss' }).click();
  await expect(reminder(page)).toHaveCount(0);

  // More changes the same week: no nagging.
  await addByLink(page, otpauth('Second', 'bob'));
  await expect(page.getByRole('list', { name: 'Accounts', exact: true }).getByRole('listitem')).toHaveCount(2);
  await expect(reminder(page)).toHaveCount(0);

  // Eight days later it may remind again; a verified backup then silences it.
  await setTime(start + 8 * 24 * 3600_000);
  await page.reload();
  await unlock(page);
  await expect(reminder(page)).toBeVisible();
  await reminder(page).getByRole('button', { name: 'Back up now' }).click();
  await exportBackup(page);
  await setTime(start + 30 * 24 * 3600_000);
  await page.reload();
  await unlock(page);
  await expect(page.getByRole('button', { name: 'Lock' })).toBeVisible();
  await expect(reminder(page)).toHaveCount(0);
});
