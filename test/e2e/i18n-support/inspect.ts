import type { Page } from '@playwright/test';

/** What is wrong with what a screen shows: text that escaped translation, and text clipped or overflowing. */
export interface ScreenFindings {
  untranslated: string[];
  clipped: string[];
  horizontalScroll: boolean;
}

/**
 * Reads every visible text node (and accessible-name attribute) of the page. In the pseudo-language every message
 * is bracketed, so text outside brackets escaped translation, unless it is `allowed`: the person's own data,
 * codes, numbers, punctuation, and Latchkey's name. Also finds text wider or taller than its box at this width.
 */
export async function inspectScreen(page: Page, allowed: readonly string[] = []): Promise<ScreenFindings> {
  return page.evaluate((allow) => {
    const untranslated: string[] = [];
    const clipped: string[] = [];
    const exempt = (text: string) =>
      /^[\s\p{P}\p{S}\d•]*$/u.test(text) || // numbers, codes, punctuation, arrows
      text === 'Latchkey' ||
      /^https:\/\/\S+$/.test(text) || // an example address, the same in every language
      /^(SHA1|SHA256|SHA512|TOTP|HOTP|Steam|MD5)$/.test(text) || // names of algorithms and code types
      allow.some((a) => text === a || text.replace(/[[\]]/g, '').trim() === a);
    const bracketed = (text: string) => /^\[[\s\S]*\]$/.test(text);
    const check = (text: string, where: string) => {
      const trimmed = text.replace(/\s+/g, ' ').trim();
      if (!trimmed || exempt(trimmed) || bracketed(trimmed)) return;
      // Several messages side by side in one node ("[a] [b]") are fine; text between them is not.
      const outside = trimmed.replace(/\[[^\]]*\]/g, '').trim();
      if (exempt(outside)) return;
      untranslated.push(`${where}: ${trimmed}`);
    };
    // Data the person typed and codes are exempt wherever they are shown.
    const skip = (el: Element) =>
      el.closest(
        '.code, .next-code, .secret-text, .uri, .name, .issuer, .tag, .menu-title, .sync-where, .icon-results span, datalist, script, style',
      ) !== null || el.closest('[aria-hidden="true"]') !== null;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || skip(el)) continue;
      if (el instanceof HTMLOptionElement) {
        const select = el.closest('select');
        if (!select || select.value !== el.value || !select.checkVisibility()) continue;
      } else if (!el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)) {
        if (!el.closest('.visually-hidden')) continue;
      }
      check(node.textContent ?? '', el.tagName.toLowerCase());
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [alt], [title]')) {
      if (skip(el) || !(el as HTMLElement).checkVisibility?.()) continue;
      for (const name of ['aria-label', 'placeholder', 'alt', 'title']) {
        const value = el.getAttribute(name);
        if (value) check(value, `${el.tagName.toLowerCase()}[${name}]`);
      }
    }
    // Clipped: a box that hides what does not fit, and something does not fit. Overflowing: a line of text that
    // runs out of the box it is in (wider than the box, or past the window's edge).
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      // The names of an account in a list row are the person's own and cut short by design when long.
      if (!el.checkVisibility() || el.closest('svg, video, canvas, .visually-hidden, .names')) continue;
      const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (own.length === 0) continue;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      const label = `${el.tagName.toLowerCase()} "${el.textContent!.trim().slice(0, 60)}"`;
      const hides = style.overflowX !== 'visible' || style.overflowY !== 'visible';
      if (hides && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) {
        if (!(el instanceof HTMLTextAreaElement)) clipped.push(`clipped ${label}`);
        continue;
      }
      for (const text of own) {
        const range = document.createRange();
        range.selectNodeContents(text);
        const rect = range.getBoundingClientRect();
        if (rect.width === 0) continue;
        if (rect.right > innerWidth + 1 || rect.left < -1) clipped.push(`past the window ${label}`);
        else if (rect.right > box.right + 2 || rect.left < box.left - 2) clipped.push(`out of its box ${label}`);
      }
    }
    return {
      untranslated,
      clipped,
      horizontalScroll: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    };
  }, allowed);
}
