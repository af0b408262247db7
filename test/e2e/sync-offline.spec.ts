/**
 * Two devices (two browser contexts) make 200 changes each while the sync server is stopped, then it comes back
 * and the first uploads are cut off mid-body: every account arrives on both sides once, none lost, none twice
 * (docs/sync.md, "A round"). Against Debian's apache2 behind a front that can be stopped and can cut uploads.
 */
import { test, expect } from './support/fixtures';
import { accountItem, otpauth } from './support/app';
import { backToList, importUris, list, openSettings } from './accounts-support/helpers';
import { useApacheBehindFront } from './sync-support/apache-front';
import { connectFirst, joinSecond, secondDevice, syncNow, syncStatus } from './sync-support/devices';
import type { Page } from '@playwright/test';

const server = useApacheBehindFront();

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** `count` distinct accounts named `<prefix> 000` …, each with its own secret. */
function accounts(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const secret = Array.from({ length: 32 }, (_, j) => BASE32[(i * 7 + j * 13 + prefix.charCodeAt(0)) % 32]).join('');
    return otpauth(`${prefix} ${String(i).padStart(3, '0')}`, `user${i}@example.com`, secret);
  });
}

/** Settings → Sync → Sync now, until the round is over, whatever it ended with. */
async function syncRound(page: Page) {
  await openSettings(page, 'Sync');
  // Hundreds of uploads and a merge of 401 accounts: longer than the helper's wait for one change.
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('button', { name: 'Sync now' })).toBeEnabled({ timeout: 90_000 });
}

async function syncedNow(page: Page) {
  await syncRound(page);
  await expect(syncStatus(page)).toHaveText(/^Synced just now\.$/);
  await backToList(page);
}

/**
 * Every issuer on the device, read 100 at a time through the search (a list of more than 100 renders only the rows
 * near the viewport): "Alpha 0" finds Alpha 000–099 and nothing else.
 */
async function allIssuers(page: Page): Promise<string[]> {
  const found: string[] = [];
  const search = page.getByRole('searchbox', { name: 'Search' });
  for (const [query, count] of [
    ['Alpha 0', 100],
    ['Alpha 1', 100],
    ['Beta 0', 100],
    ['Beta 1', 100],
    ['Shared', 1],
  ] as const) {
    await search.fill(query);
    // The rows past the first screen are drawn a frame later: wait for what a whole copy holds (a loss times out).
    await expect(list(page).locator('.issuer')).toHaveCount(count);
    // textContent: rows the browser skips drawing (content-visibility) have no innerText nor accessible role.
    found.push(
      ...(await list(page)
        .locator('.issuer')
        .evaluateAll((els) => els.map((e) => e.textContent!.trim()))),
    );
  }
  await search.fill('');
  return found;
}

test('200 changes on each device while the server is down, then cut uploads: all arrive once on both', async ({
  page,
  browser,
  baseURL,
  watch,
}) => {
  test.setTimeout(240_000);
  watch.allowed.push(server.front.origin);
  const login = server.freshLogin();
  await connectFirst(page, login);
  await backToList(page);
  await importUris(page, [otpauth('Shared Bank', 'both@example.com')]);
  const b = await secondDevice(browser, baseURL!, watch);
  await joinSecond(b, login);
  await expect(accountItem(b, 'Shared Bank')).toBeVisible({ timeout: 20_000 });

  await server.front.stop();
  await importUris(page, accounts('Alpha', 200));
  await importUris(b, accounts('Beta', 200));
  for (const device of [page, b]) {
    await openSettings(device, 'Sync');
    await syncNow(device);
    await expect(syncStatus(device)).toContainText('200 changes waiting');
    await backToList(device);
  }

  // Back, but the first uploads of each device die after part of their body reached the server.
  await server.front.start();
  // A round that meets a cut may end with "broke off" (the changes wait); the next one must finish the job.
  for (const device of [page, b]) {
    server.front.cutUploads = 3;
    await syncRound(device);
    expect(server.front.cutUploads).toBe(0);
    await backToList(device);
    await syncedNow(device);
  }
  await syncedNow(page);

  for (const device of [page, b]) {
    const names = await allIssuers(device);
    expect(names).toHaveLength(401);
    expect(new Set(names).size).toBe(401);
    expect(names).toContain('Alpha 199');
    expect(names).toContain('Beta 000');
  }
});
