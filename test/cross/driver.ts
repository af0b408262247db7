/**
 * One small driver interface for the cross-engine journeys (test/cross/journeys.spec.ts), with an adapter per engine:
 * Firefox over WebDriver BiDi (firefox.ts), WebKit over classic WebDriver (webkit.ts), Chromium through Playwright
 * (chromium.ts). Elements are found in the page by ARIA role and accessible name, or by label, with
 * @testing-library/dom (the same rules Playwright's getByRole and getByLabel follow), so a journey reads like the
 * Chromium suite's and uses only the names in ../shared/ui-contract.md.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withLocate, type Query } from './locate';

export type EngineName = 'chromium' | 'firefox' | 'webkit';

/** An element by role; `name` is its accessible name (case-insensitive substring unless `exact`). */
export interface Target {
  role: string;
  name?: string;
  exact?: boolean;
  /** The element's text contains this (Playwright's hasText). */
  text?: string;
  within?: Target;
}

export interface Download {
  name: string;
  bytes: Buffer;
}

const TIMEOUT_MS = 20_000;
const POLL_MS = 100;
const DOM_LIBRARY = readFileSync(
  createRequire(import.meta.url).resolve('@testing-library/dom/dist/@testing-library/dom.umd.min.js'),
  'utf8',
);
export const PROBE = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');

const describe = (query: Query): string =>
  query.kind === 'label'
    ? `the field labelled "${query.label}"`
    : `${query.role} "${query.name ?? ''}"${query.text ? ` with text "${query.text}"` : ''}` +
      (query.within ? ` in ${describe({ kind: 'role', ...query.within })}` : '');

/**
 * What each engine's adapter provides: run a function in the page, find an element, and the few actions that must
 * go through the driver to be real input (click, typing, files). Everything else is built on these.
 */
export abstract class Driver<Handle = unknown> {
  abstract readonly engine: EngineName;
  private uploads: string | null = null;
  /** Errors the probe saw in documents the page has since left. */
  private earlier: string[] = [];

  constructor(readonly origin: string) {}

  /**
   * Calls the function whose source text is given with `arg` in the page (awaiting a promise it returns) and returns
   * its JSON-able result. Source text, not a function: page-side code is sent as text by every driver.
   */
  protected abstract evaluateSource(source: string, arg: unknown): Promise<unknown>;
  /** The element the page-side function (source text, called with `arg`) returns, as the driver's handle, or null. */
  protected abstract elementFrom(source: string, arg: unknown): Promise<Handle | null>;
  protected abstract clickElement(element: Handle): Promise<void>;
  protected abstract typeInto(element: Handle, text: string): Promise<void>;
  protected abstract uploadTo(element: Handle, paths: string[]): Promise<void>;
  protected abstract navigate(url: string): Promise<void>;
  protected abstract reloadPage(): Promise<void>;
  /** Console errors and uncaught errors the engine reported by itself (the probe's are added to these). */
  protected abstract engineErrors(): string[];
  abstract close(): Promise<void>;

  private run<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    return this.evaluateSource(fn.toString(), arg) as Promise<R>;
  }

  private inPage<A, R>(body: (find: (query: Query) => HTMLElement[], arg: A) => R, arg: A): Promise<R> {
    return this.evaluateSource(withLocate(body.toString()), arg) as Promise<R>;
  }

  async goto(path: string): Promise<void> {
    await this.keepErrors();
    await this.navigate(new URL(path, this.origin).href);
    await this.ready();
  }

  async reload(): Promise<void> {
    await this.keepErrors();
    await this.reloadPage();
    await this.ready();
  }

  /** The page's own script state: the probe where the engine could not add it before load (offline, in WebKit). */
  private async ready(): Promise<void> {
    if (!(await this.run(() => '__probe' in window, undefined))) await this.evaluateSource(`() => {${PROBE}}`, null);
  }

  async evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  async evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  async evaluate<A, R>(fn: (arg?: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.run(fn, arg as A);
  }

  /**
   * What the page is telling the person now (its alerts and status lines), for a failure's message: the list
   * reporter cuts the page text attached to a failed test short, and these say where a flow stopped.
   */
  private async saying(): Promise<string> {
    const said = await this.run(
      () =>
        [...document.querySelectorAll('[role="alert"], [role="status"], .alert')]
          .map((element) => (element as HTMLElement).innerText.trim())
          .filter(Boolean)
          .join(' | '),
      undefined,
    ).catch((error: unknown) => `(could not be read: ${String(error)})`);
    return said || '(no alert or status)';
  }

  /** Polls `check` until it returns a truthy value, and returns it; fails with `what` after the timeout. */
  async waitFor<T>(what: string, check: () => Promise<T>, timeoutMs = TIMEOUT_MS): Promise<NonNullable<T>> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    for (;;) {
      try {
        const value = await check();
        if (value) return value as NonNullable<T>;
        last = value;
      } catch (error) {
        last = error;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `${this.engine}: timed out waiting for ${what} (last: ${String(last)}); the page says: ${await this.saying()}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private async element(query: Query, timeoutMs?: number): Promise<Handle> {
    return this.waitFor(describe(query), () => this.lookup(query), timeoutMs);
  }

  /** Finds once, loading the query library into the page first if this document lacks it. */
  private async lookup(query: Query): Promise<Handle | null> {
    const loaded = await this.run(() => 'TestingLibraryDom' in window, undefined);
    if (!loaded) await this.evaluateSource(`() => {${DOM_LIBRARY}}`, null);
    return this.elementFrom(withLocate('(find, query) => find(query)[0] ?? null'), query);
  }

  /** Whether a visible element matches now (no waiting). */
  async has(target: Target): Promise<boolean> {
    return (await this.lookup({ kind: 'role', ...target })) !== null;
  }

  async count(target: Target): Promise<number> {
    await this.lookup({ kind: 'role', ...target });
    return this.inPage((find, query) => find(query).length, { kind: 'role', ...target } as Query);
  }

  async waitForElement(target: Target, timeoutMs?: number): Promise<void> {
    await this.element({ kind: 'role', ...target }, timeoutMs);
  }

  async waitForNone(target: Target, timeoutMs?: number): Promise<void> {
    await this.waitFor(`no ${describe({ kind: 'role', ...target })}`, async () => !(await this.has(target)), timeoutMs);
  }

  /**
   * Clicks where the element is once it is enabled, has stopped moving and nothing covers it (as Playwright's
   * actionability checks do): the drivers click at a point, which a button still sliding in, or under a toast, would not get.
   */
  async click(target: Target): Promise<void> {
    const query: Query = { kind: 'role', ...target };
    await this.element(query);
    await this.waitFor(`${describe(query)} to stand still, uncovered`, () =>
      this.inPage(async (find, q) => {
        const where = () => JSON.stringify(find(q)[0]?.getBoundingClientRect() ?? null);
        // A frame, or 100 ms where frames do not come (a page in the background).
        const frame = () =>
          new Promise((resolve) => {
            requestAnimationFrame(() => setTimeout(resolve, 0));
            setTimeout(resolve, 100);
          });
        const target = find(q)[0];
        const seen = target?.getBoundingClientRect();
        if (seen && (seen.top < 0 || seen.left < 0 || seen.bottom > innerHeight || seen.right > innerWidth)) {
          target!.scrollIntoView({ block: 'center', inline: 'center' });
        }
        const before = where();
        await frame();
        await frame();
        const element = find(q)[0];
        if (!element || before === 'null' || before !== where()) return false;
        // Enabled, as Playwright's click waits for: a click on a button not yet enabled is lost without a word.
        if ((element as HTMLButtonElement).disabled || element.getAttribute('aria-disabled') === 'true') return false;
        // Nothing on top of it (a toast over the add button would take the click).
        const box = element.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return hit !== null && (hit === element || element.contains(hit));
      }, query),
    );
    await this.clickElement(await this.element(query));
  }

  /** The rendered text of the element (innerText through script: WebKitWebDriver's Get Element Text is empty
   * for ellipsised spans). */
  async text(target: Target): Promise<string> {
    await this.element({ kind: 'role', ...target });
    return this.inPage((find, query) => find(query)[0]?.innerText ?? '', { kind: 'role', ...target } as Query);
  }

  async attribute(target: Target, name: string): Promise<string | null> {
    await this.element({ kind: 'role', ...target });
    return this.inPage((find, { query, name }) => find(query)[0]?.getAttribute(name) ?? null, {
      query: { kind: 'role', ...target } as Query,
      name,
    });
  }

  /** Replaces a field's value by typing, as a person would (the value is cleared in the page first). */
  async fill(label: string, value: string, { exact = false } = {}): Promise<void> {
    const query: Query = { kind: 'label', label, exact };
    const element = await this.element(query);
    await this.setInPage(query, '');
    await this.typeInto(element, value);
  }

  /** Picks an option of a <select> (or sets a checkbox) in the page, with the events a person's choice fires. */
  async select(label: string, value: string, { exact = false } = {}): Promise<void> {
    const query: Query = { kind: 'label', label, exact };
    await this.element(query);
    await this.setInPage(query, value);
  }

  async check(label: string): Promise<void> {
    await this.clickElement(await this.element({ kind: 'label', label, exact: false }));
  }

  private async setInPage(query: Query, value: string): Promise<void> {
    await this.inPage(
      (find, { query, value }) => {
        const field = find(query)[0] as HTMLInputElement | HTMLSelectElement;
        // The prototype's setter, as a framework's own value tracking expects.
        const prototype = field instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
        Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(field, value);
        field.dispatchEvent(new Event('input', { bubbles: true }));
        field.dispatchEvent(new Event('change', { bubbles: true }));
      },
      { query, value },
    );
  }

  /** Gives files to the file input with this label, through the driver (as a file chooser would). */
  async setFiles(label: string, files: { name: string; bytes: Uint8Array | string }[]): Promise<void> {
    this.uploads ??= mkdtempSync(join(tmpdir(), 'latchkey-upload-'));
    const folder = mkdtempSync(join(this.uploads, 'set-'));
    const paths = files.map(({ name, bytes }) => {
      const path = join(folder, name);
      writeFileSync(path, bytes);
      return path;
    });
    await this.uploadTo(await this.element({ kind: 'label', label, exact: false }), paths);
  }

  /** Files the app offered as downloads since the page loaded (kept by the probe, not saved). */
  async downloads(): Promise<Download[]> {
    const kept = await this.run(
      () =>
        (window as unknown as { __probe: { downloads: { name: string; base64: string | null }[] } }).__probe.downloads,
      undefined,
    );
    return kept
      .filter((d) => d.base64 !== null)
      .map((d) => ({ name: d.name, bytes: Buffer.from(d.base64!, 'base64') }));
  }

  /** Every console error, uncaught error and CSP violation so far: what the engine reported and what the probe saw. */
  async errors(): Promise<string[]> {
    return [...new Set([...this.engineErrors(), ...this.earlier, ...(await this.probeErrors())])];
  }

  private probeErrors(): Promise<string[]> {
    return this.run(
      () => (window as unknown as { __probe?: { errors: string[] } }).__probe?.errors ?? [],
      undefined,
    ).catch(() => []);
  }

  /** Before the page leaves a document, what its probe saw is kept. */
  private async keepErrors(): Promise<void> {
    this.earlier.push(...(await this.probeErrors()));
  }
}
