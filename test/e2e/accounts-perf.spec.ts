import type { CDPSession } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { createVault } from './support/app';
import { importUris, list, manyAccounts } from './accounts-support/helpers';

const COUNT = 1000;
async function taskSeconds(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')!.value;
}

// The other worker shares the 2 cores and may steal a slice of a tick: a long task it caused is retried, while
// a real regression (a task that is long on every run) still fails.
test.describe.configure({ retries: 2 });

test('1,000 accounts: no main-thread task over 50 ms across ticks and a code refresh', async ({ page, context }) => {
  test.setTimeout(120_000);
  await createVault(page);
  await importUris(
    page,
    manyAccounts(COUNT).map((a) => a.uri),
  );
  // Only the rows near the screen are rendered; each says where it stands in the whole list.
  await expect(list(page).getByRole('listitem').first()).toHaveAttribute('aria-setsize', String(COUNT));
  expect(await list(page).getByRole('listitem').count()).toBeLessThan(150);
  await expect(list(page).getByRole('listitem').first().locator('.code')).toHaveText(/^\d{3} \d{3}$/);

  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((entries) => {
      for (const e of entries.getEntries()) w.longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');

  // Watch second by second until the next 30-s boundary has passed (every code recomputed and re-rendered).
  const msToBoundary = await page.evaluate(() => 30_000 - (Date.now() % 30_000));
  const seconds = Math.ceil(msToBoundary / 1000) + 3;
  const perSecond: number[] = [];
  let last = await taskSeconds(cdp);
  const firstCode = await list(page).getByRole('listitem').nth(1).locator('.code').textContent();
  for (let s = 0; s < seconds; s++) {
    await page.waitForTimeout(1000);
    const now = await taskSeconds(cdp);
    perSecond.push(Math.round((now - last) * 1000));
    last = now;
  }
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  // The first sample still holds the test's own set-up; the refresh falls in the second that spans the boundary.
  const refreshAt = Math.ceil(msToBoundary / 1000) - 1;
  const ticks = perSecond.filter((_, i) => i > 0 && i !== refreshAt).sort((a, b) => a - b);
  const median = ticks[ticks.length >> 1]!;
  const summary =
    `main-thread ms per 1-s tick with ${COUNT} accounts: median ${median}, max ${ticks[ticks.length - 1]}; ` +
    `the second with the code refresh: ${perSecond[refreshAt]}; tasks over 50 ms: ${JSON.stringify(longTasks)}`;
  test.info().annotations.push({ type: 'performance', description: summary });
  process.stdout.write(`${summary}\n  per second: ${perSecond.join(' ')}\n`);

  // The codes did change at the boundary, so the window really covered a refresh.
  await expect(list(page).getByRole('listitem').nth(1).locator('.code')).not.toHaveText(firstCode!);
  expect(longTasks, 'tasks over 50 ms').toEqual([]);
  // Loose on purpose (shared CI machines are noisy); the measured median is printed above, typically 10-15 ms.
  expect(median, 'median main-thread ms per tick').toBeLessThan(50);
});
