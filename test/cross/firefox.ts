/**
 * Debian's Firefox ESR, driven over WebDriver BiDi by puppeteer-core (no geckodriver, no browser download).
 * Playwright's own Firefox needs a patched build, and its `moz-firefox` channel fails with ESR 153 at newContext
 * (`emulation.setMediaFeaturesOverride: unknown command`). puppeteer-core stays on 24.43: 25 needs Node 22.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type BrowserContext, type ElementHandle, type Page } from 'puppeteer-core';
import { Driver, PROBE } from './driver';

export function firefoxPath(): string {
  const path = process.env.LATCHKEY_FIREFOX ?? '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(`Firefox is not installed at ${path}: apt-get install firefox-esr, or set LATCHKEY_FIREFOX.`);
  }
  return path;
}

/** One Firefox per worker; each test gets a user context of its own (own storage, own service workers). */
export async function launchFirefox(): Promise<Browser> {
  try {
    return await puppeteer.launch({
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: true,
      // A profile and a HOME of its own: nothing of the machine's user is read or written.
      env: { ...process.env, HOME: mkdtempSync(join(tmpdir(), 'latchkey-firefox-home-')) },
      extraPrefsFirefox: {
        // No requests of Firefox's own while the suite watches the page's.
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
        'browser.safebrowsing.malware.enabled': false,
        'browser.safebrowsing.phishing.enabled': false,
        // Service workers in automation: allowed on http://127.0.0.1, which is a secure context.
        'dom.serviceWorkers.enabled': true,
      },
    });
  } catch (error) {
    throw new Error(`Firefox could not start: ${String(error)}`);
  }
}

export class FirefoxDriver extends Driver<ElementHandle> {
  readonly engine = 'firefox';
  private readonly seen: string[] = [];

  private constructor(
    origin: string,
    private readonly context: BrowserContext,
    readonly page: Page,
  ) {
    super(origin);
  }

  static async open(browser: Browser, origin: string): Promise<FirefoxDriver> {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    const driver = new FirefoxDriver(origin, context, page);
    await page.evaluateOnNewDocument(PROBE);
    page.on('console', (message) => {
      if (message.type() === 'error') driver.seen.push(message.text());
    });
    page.on('pageerror', (error) => driver.seen.push(`uncaught: ${String(error)}`));
    return driver;
  }

  protected async evaluateSource(source: string, arg: unknown): Promise<unknown> {
    return this.page.evaluate(`(${source})(${JSON.stringify(arg ?? null)})`);
  }

  protected async elementFrom(source: string, arg: unknown): Promise<ElementHandle | null> {
    const handle = await this.page.evaluateHandle(`(${source})(${JSON.stringify(arg ?? null)})`);
    const element = handle.asElement() as ElementHandle | null;
    if (!element) await handle.dispose();
    return element;
  }

  protected async clickElement(element: ElementHandle): Promise<void> {
    await element.click();
  }

  protected async typeInto(element: ElementHandle, text: string): Promise<void> {
    await element.type(text);
  }

  protected async uploadTo(element: ElementHandle, paths: string[]): Promise<void> {
    await (element as ElementHandle<HTMLInputElement>).uploadFile(...paths);
  }

  protected async navigate(url: string): Promise<void> {
    await this.page.goto(url, { waitUntil: 'load' });
  }

  protected async reloadPage(): Promise<void> {
    await this.page.reload({ waitUntil: 'load' });
  }

  protected engineErrors(): string[] {
    return this.seen;
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
