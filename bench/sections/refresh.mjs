/**
 * 4. Refresh: main-thread time per period boundary with 1,000 accounts unlocked on the list, once with letters
 * (issuers no icon matches) and once with a brand icon on every row.
 *
 * The page runs under Playwright's fake clock (page.clock), paused 150 ms before a 30-second boundary. A trace is
 * started, the clock is run for 300 ms, which fires what the real clock fires there (the shared 1 Hz tick that
 * repaints the countdowns on screen and, at a boundary, in the same task, shows the codes computed ahead), and the
 * trace stops 300 ms (real time) later, after the frame that shows it; at a boundary, the first and last codes on
 * screen must then differ from those before the window. The page main thread's busy time in that window is summed:
 * script and microtasks (the 1,000 HMAC completions, the Preact render), style, layout, paint and GC. The same
 * window in the middle of a period (the tick alone) is the reference. The list computes the codes of the next
 * period ahead, a second after each boundary, so the boundary itself only shows them: that second's window is
 * measured too. WebCrypto's HMACs themselves run off the main thread and are not counted; their completions are.
 */
import { PASSWORD, arm, settle } from '../lib/app-flows.mjs';
import { MARK, TRACE_CATEGORIES, busyTime, mainThreadTasks } from '../lib/trace.mjs';

const PERIOD = 30_000;
const codeAt = (page, which) =>
  page.evaluate((w) => {
    const codes = document.querySelectorAll('ul[aria-label="Accounts"] .code');
    return (w === 'first' ? codes[0] : codes[codes.length - 1])?.textContent ?? '';
  }, which);

async function traceWindow(browser, page, { offset, waitForCodes }) {
  // The next moment, at least 2 s ahead, that is 150 ms before `offset` into a period.
  const fakeNow = await page.evaluate(() => Date.now());
  const phase = (((offset - 150 - fakeNow) % PERIOD) + PERIOD) % PERIOD;
  const at = fakeNow + phase + (phase < 2_000 ? PERIOD : 0);
  // Jump to a second before the window, let what the jump fired finish (in real time), then run the fake clock
  // up to the window: timers the page set for a moment already passed fire there, and it schedules this one.
  await page.clock.pauseAt(at - 1_000);
  await page.waitForTimeout(500);
  await page.clock.runFor(1_000);
  await page.waitForTimeout(500);
  const before = [await codeAt(page, 'first'), await codeAt(page, 'last')];
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  await page.evaluate((mark) => console.timeStamp(mark), MARK);
  await page.clock.runFor(300);
  // Real time for the frame that shows the change, then quiet. Nothing of the driver's runs in the page meanwhile
  // (no observer, no call), so a boundary window and a mid-period window are measured alike.
  await page.waitForTimeout(300);
  const busy = busyTime(mainThreadTasks(await browser.stopTracing()));
  if (waitForCodes) {
    const after = [await codeAt(page, 'first'), await codeAt(page, 'last')];
    if (after[0] === before[0] || after[1] === before[1] || !/\d/.test(after[0] + after[1])) {
      throw new Error(`The codes on screen did not change in a boundary window (${before} → ${after})`);
    }
  }
  return busy;
}

/** Opens the 1,000-account vault of `context` in a page on the fake clock and measures boundaries and seconds. */
export async function measureRefresh(browser, context, count, { boundaries = 11, seconds = 7, icons = false } = {}) {
  for (const old of context.pages()) await old.close(); // one tab, as a user has it
  const page = await context.newPage();
  await page.clock.install({ time: Date.now() });
  await page.goto('/');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  const shown = await arm(page, 'codes', count);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await settle(shown);
  // The windows span several minutes of fake time: more than the default auto-lock allows.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Security' }).click();
  await page.getByLabel('Lock after inactivity').selectOption('0');
  // Back to the settings index, then to the list (the app bar's Back follows the history).
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await page.getByRole('list', { name: 'Accounts' }).waitFor();
  // With icons: measured once the brand icons (a lazy chunk loaded after the first frame) are drawn.
  if (icons) await page.locator('ul[aria-label="Accounts"] .avatar.brand').first().waitFor();
  const atBoundary = [];
  const midPeriod = [];
  const preparing = [];
  // Alternated, so that a busy moment of the machine does not land on one kind only.
  for (let i = 0; i < Math.max(boundaries, seconds); i++) {
    if (i < boundaries) atBoundary.push(await traceWindow(browser, page, { offset: 0, waitForCodes: true }));
    if (i < seconds) midPeriod.push(await traceWindow(browser, page, { offset: 10_000, waitForCodes: false }));
    if (i < seconds) preparing.push(await traceWindow(browser, page, { offset: 1_000, waitForCodes: false }));
  }
  await page.close();
  return { atBoundary, midPeriod, preparing };
}
