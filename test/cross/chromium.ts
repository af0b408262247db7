/**
 * Chromium through Playwright, for running the same journeys where the main suite (test/e2e) already runs: it shows
 * a journey is right before it is blamed on another engine. Only when LATCHKEY_ENGINES names chromium.
 */
import { chromium, type Browser, type BrowserContext, type ElementHandle, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support/browser';
import { Driver, PROBE } from './driver';

export async function launchChromium(): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  } catch (error) {
    throw new Error(`Chromium could not start: ${String(error)}`);
  }
}

export class ChromiumDriver extends Driver<ElementHandle> {
  readonly engine = 'chromium';
  private readonly seen: string[] = [];

  private constructor(
    origin: string,
    private readonly context: BrowserContext,
    readonly page: Page,
  ) {
    super(origin);
  }

  static async open(browser: Browser, origin: string): Promise<ChromiumDriver> {
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    await context.addInitScript(PROBE);
    const page = await context.newPage();
    const driver = new ChromiumDriver(origin, context, page);
    context.on('console', (message) => {
      if (message.type() === 'error') driver.seen.push(message.text());
    });
    context.on('weberror', (error) => driver.seen.push(`uncaught: ${String(error.error())}`));
    return driver;
  }

  protected evaluateSource(source: string, arg: unknown): Promise<unknown> {
    return this.page.evaluate(`(${source})(${JSON.stringify(arg ?? null)})`);
  }

  protected async elementFrom(source: string, arg: unknown): Promise<ElementHandle | null> {
    const handle = await this.page.evaluateHandle(`(${source})(${JSON.stringify(arg ?? null)})`);
    const element = handle.asElement();
    if (!element) await handle.dispose();
    return element as ElementHandle | null;
  }

  protected async clickElement(element: ElementHandle): Promise<void> {
    await element.click();
  }

  protected async typeInto(element: ElementHandle, text: string): Promise<void> {
    await element.type(text);
  }

  protected async uploadTo(element: ElementHandle, paths: string[]): Promise<void> {
    await element.setInputFiles(paths);
  }

  protected async navigate(url: string): Promise<void> {
    await this.page.goto(url);
  }

  protected async reloadPage(): Promise<void> {
    await this.page.reload();
  }

  protected engineErrors(): string[] {
    return this.seen;
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
