/**
 * Text that enters Latchkey from outside (a link, a file, a form) as a JavaScript string may hold a lone UTF-16
 * surrogate ("\ud800" in a JSON file), which is not a character: encodeURIComponent throws on it, and it cannot
 * be written as UTF-8. Labels are made well-formed where they enter (each lone surrogate becomes U+FFFD, as
 * TextEncoder would write it), and every encoder of text for a URI copes with one stored before this rule.
 */
export function wellFormed(text: string): string {
  // String.prototype.toWellFormed is ES2024 (Chromium 111, Firefox 119, Safari 16.4); the same by hand elsewhere.
  const native = (text as { toWellFormed?: () => string }).toWellFormed;
  if (native) return native.call(text);
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** encodeURIComponent for any string: a lone surrogate is written as U+FFFD instead of throwing URIError. */
export function encodeUriComponent(text: string | number): string {
  return encodeURIComponent(typeof text === 'string' ? wellFormed(text) : text);
}

/**
 * A table's value for a key that came from outside (a link's scheme, a file's type name), only when the table
 * has that key itself: "constructor" or "__proto__" must not reach the prototype's properties (a function's text
 * once ended up in a message).
 */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
