/**
 * Safari's engine as Debian ships it: WebKitGTK's WebDriver (webkit2gtk-driver) driving the MiniBrowser it comes
 * with, under Xvfb (MiniBrowser has no headless mode and hangs without a display). selenium-webdriver stays on 4.46:
 * 4.47 needs Node 22. The session is made with WebDriver.createSession, since the Builder runs selenium-manager,
 * which tries to download drivers. WebKitWebDriver has no BiDi and no log endpoint: the test server puts the probe
 * (probe.js) into every page, and the probe keeps the console errors.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Capabilities, WebDriver, WebElement } from 'selenium-webdriver';
import { Executor, HttpClient } from 'selenium-webdriver/http/index.js';
import { Driver } from './driver';

const WEBKIT_DRIVER = process.env.LATCHKEY_WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver';
const MINIBROWSER_CANDIDATES = [
  process.env.LATCHKEY_MINIBROWSER,
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts Xvfb on a free display (it names the display on the file descriptor it is given). */
function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1000x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let said = '';
    const timer = setTimeout(() => reject(new Error('Xvfb named no display within 10 s')), 10_000);
    xvfb.once('error', (error) => reject(new Error(`Xvfb could not start (apt-get install xvfb): ${error.message}`)));
    xvfb.stdio[3]!.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('\n')) {
        clearTimeout(timer);
        resolve({ display: `:${said.trim()}`, process: xvfb });
      }
    });
  });
}

async function waitForStatus(url: string, driver: ChildProcess): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited with code ${driver.exitCode}`);
    const ready = await fetch(`${url}/status`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('WebKitWebDriver did not answer /status within 15 s');
}

/** Starts a WebKitWebDriver on a free port, with a HOME of its own, drawing on the given display. */
async function startDriver(display: string): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const home = mkdtempSync(join(tmpdir(), 'latchkey-webkit-home-'));
  const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], {
    env: { ...process.env, HOME: home, DISPLAY: display },
    stdio: 'ignore',
  });
  driver.once('exit', () => rmSync(home, { recursive: true, force: true }));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForStatus(url, driver);
  } catch (error) {
    driver.kill();
    throw error;
  }
  return { url, process: driver };
}

/**
 * Xvfb for one worker; each session (a MiniBrowser with fresh storage) gets a WebKitWebDriver of its own, since one
 * driver process holds one session at a time ("Maximum number of active sessions" for a second profile).
 */
export class WebKitEngine {
  private readonly drivers = new Set<ChildProcess>();

  private constructor(
    private readonly xvfb: ChildProcess,
    private readonly display: string,
    private readonly miniBrowser: string,
  ) {}

  static async start(): Promise<WebKitEngine> {
    if (!existsSync(WEBKIT_DRIVER)) {
      throw new Error(`WebKitWebDriver is not installed at ${WEBKIT_DRIVER}: apt-get install webkit2gtk-driver.`);
    }
    const miniBrowser = MINIBROWSER_CANDIDATES.find((path) => path && existsSync(path));
    if (!miniBrowser) throw new Error('MiniBrowser not found: apt-get install webkit2gtk-driver (it ships it).');
    const xvfb = await startXvfb();
    const engine = new WebKitEngine(xvfb.process, xvfb.display, miniBrowser);
    // A driver that cannot start fails the worker here, with the reason, rather than each test later.
    try {
      await startDriver(xvfb.display).then(({ process }) => process.kill());
    } catch (error) {
      engine.stop();
      throw new Error(`WebKit could not start: ${String(error)}`);
    }
    return engine;
  }

  /** A session in a driver process of its own; closing it (WebKitDriver.close) ends that process. */
  async session(): Promise<{ session: WebDriver; end: () => void }> {
    const capabilities = new Capabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: this.miniBrowser, args: ['--automation'] },
    });
    let driver: ChildProcess | undefined;
    try {
      const started = await startDriver(this.display);
      driver = started.process;
      this.drivers.add(driver);
      const session = await WebDriver.createSession(new Executor(new HttpClient(started.url)), capabilities);
      const process = driver;
      return {
        session,
        end: () => {
          process.kill();
          this.drivers.delete(process);
        },
      };
    } catch (error) {
      driver?.kill();
      throw new Error(`WebKit could not open a session: ${String(error)}`);
    }
  }

  stop(): void {
    for (const driver of this.drivers) driver.kill();
    this.xvfb.kill();
  }
}

export class WebKitDriver extends Driver<WebElement> {
  readonly engine = 'webkit';

  private readonly session: WebDriver;
  private readonly end: () => void;

  constructor(origin: string, { session, end }: { session: WebDriver; end: () => void }) {
    super(origin);
    this.session = session;
    this.end = end;
  }

  protected evaluateSource(source: string, arg: unknown): Promise<unknown> {
    return this.session.executeScript(`return (${source})(arguments[0]);`, arg ?? null);
  }

  protected async elementFrom(source: string, arg: unknown): Promise<WebElement | null> {
    const element = await this.evaluateSource(source, arg);
    return element instanceof WebElement ? element : null;
  }

  protected async clickElement(element: WebElement): Promise<void> {
    await element.click();
  }

  protected async typeInto(element: WebElement, text: string): Promise<void> {
    await element.sendKeys(text);
  }

  protected async uploadTo(element: WebElement, paths: string[]): Promise<void> {
    await element.sendKeys(paths.join('\n'));
  }

  protected async navigate(url: string): Promise<void> {
    await this.session.get(url);
  }

  protected async reloadPage(): Promise<void> {
    await this.session.navigate().refresh();
  }

  protected engineErrors(): string[] {
    return []; // WebKitWebDriver has no log endpoint: the probe's list is all there is
  }

  async close(): Promise<void> {
    try {
      await this.session.quit();
    } finally {
      this.end();
    }
  }
}
