/**
 * Reads a WebDAV PROPFIND answer (RFC 4918 §14.16, `multistatus`) for the few properties sync lists: each
 * response's href, entity tag, last-modified date, length and whether it is a collection. Written here rather
 * than taken from an XML library: DOMParser exists neither in workers nor in Node (where the adapter is tested),
 * and a general parser (fast-xml-parser, ~30 kB) would be most of the sync chunk for these five elements. The
 * answer only ever decides which of sync's own objects exist: a server able to confuse it could as well delete
 * them, so nothing depends on it beyond that.
 */
import type { ListedObject } from './storage';

/** An element `local` in any namespace prefix (servers use `D:`, `d:`, `lp1:` or none), non-greedy. */
function elements(xml: string, local: string): string[] {
  const pattern = new RegExp(`<(?:[\\w.-]+:)?${local}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:[\\w.-]+:)?${local}\\s*>`, 'g');
  return [...xml.matchAll(pattern)].map((m) => m[1]!);
}

function first(xml: string, local: string): string | null {
  return elements(xml, local)[0] ?? null;
}

function hasEmpty(xml: string, local: string): boolean {
  return new RegExp(`<(?:[\\w.-]+:)?${local}(?:\\s[^>]*)?/>`).test(xml) || first(xml, local) !== null;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function text(value: string | null): string | null {
  if (value === null) return null;
  return value
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name] ?? whole;
    })
    .trim();
}

/** The last segment of an href, percent-decoded; null for one that does not decode. */
function lastSegment(href: string): string | null {
  const path = href.replace(/^[a-z]+:\/\/[^/]*/i, '').replace(/\/+$/, '');
  try {
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
  } catch {
    return null;
  }
}

/** The objects (not collections) a multistatus answer lists, with their properties where the server gave them. */
export function readMultistatus(xml: string): ListedObject[] {
  const out: ListedObject[] = [];
  for (const response of elements(xml, 'response')) {
    const href = text(first(response, 'href'));
    if (!href) continue;
    // Only properties the server found (a propstat with status 200) count.
    const found = elements(response, 'propstat')
      .filter((p) => /\s200\s/.test(` ${text(first(p, 'status')) ?? ''} `))
      .join('');
    if (hasEmpty(first(found, 'resourcetype') ?? '', 'collection')) continue;
    const name = lastSegment(href);
    if (!name) continue;
    const modified = Date.parse(text(first(found, 'getlastmodified')) ?? '');
    const size = Number(text(first(found, 'getcontentlength')) ?? NaN);
    out.push({
      name,
      etag: text(first(found, 'getetag')) || null,
      modifiedAt: Number.isFinite(modified) ? modified : null,
      size: Number.isSafeInteger(size) ? size : null,
    });
  }
  return out;
}
