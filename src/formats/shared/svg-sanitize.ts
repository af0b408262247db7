/**
 * An SVG picture made safe to keep and show: the file is parsed as strict XML (saxes, so entities, CDATA and
 * namespaces are read the way a browser reads them, not guessed at with patterns) and written out again from an
 * allow-list of drawing elements and attributes. What is not on the list is left out: scripts, event handlers,
 * <foreignObject>, <image>, <style>, animation, and every reference to anything outside the picture itself
 * (href, url() and CSS other than to an element of the same file). Latchkey shows the result only in an <img>,
 * where a browser runs no script and loads nothing anyway (rule 11): this is the second lock, not the only one.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { LatchkeyError } from '../../core/errors';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

/** A brand icon is a few kB; anything far past this is not an icon. */
export const MAX_SVG_CHARS = 256 * 1024;
const MAX_ELEMENTS = 5_000;
const MAX_DEPTH = 64;

/** Drawing elements only: no script, foreignObject, image, style, a, animate*, set, feImage. */
const ELEMENTS = new Set([
  'svg',
  'g',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'defs',
  'symbol',
  'use',
  'linearGradient',
  'radialGradient',
  'stop',
  'clipPath',
  'mask',
  'pattern',
  'text',
  'tspan',
]);

/** Geometry and paint. No event handlers, no `style` element hooks (class), no `filter` (feImage can load). */
const ATTRIBUTES = new Set([
  'id',
  'd',
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'fx',
  'fy',
  'fr',
  'dx',
  'dy',
  'width',
  'height',
  'viewBox',
  'preserveAspectRatio',
  'points',
  'transform',
  'fill',
  'fill-rule',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-opacity',
  'opacity',
  'color',
  'display',
  'visibility',
  'overflow',
  'clip-path',
  'clip-rule',
  'mask',
  'offset',
  'stop-color',
  'stop-opacity',
  'gradientUnits',
  'gradientTransform',
  'spreadMethod',
  'patternUnits',
  'patternContentUnits',
  'patternTransform',
  'maskUnits',
  'maskContentUnits',
  'clipPathUnits',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'letter-spacing',
  'paint-order',
  'vector-effect',
  'shape-rendering',
  'style',
]);

/** The only references allowed: to an element of the same picture. */
const LOCAL_URL = /^url\(\s*['"]?#[\w.:-]+['"]?\s*\)$/;
const LOCAL_HREF = /^#[\w.:-]+$/;

function unreadable(): LatchkeyError {
  return new LatchkeyError(
    'damaged-file',
    'This SVG picture could not be read as plain SVG. Save it again as plain SVG, or choose a PNG or JPEG.',
  );
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** A value that may name a paint server or clip path: kept only when each url() in it points inside the file. */
function safeValue(value: string): boolean {
  // A backslash or a control character could hide "url(" from the check below (CSS escapes).
  if (/[\\\p{Cc}]/u.test(value) || /expression\s*\(|@import|javascript:/i.test(value)) return false;
  const urls = value.match(/url\s*\([^)]*\)?/gi) ?? [];
  return urls.every((url) => LOCAL_URL.test(url.replace(/\s+\(/, '(')));
}

/** The style attribute, declaration by declaration: known properties with safe values only. */
function safeStyle(style: string): string {
  return style
    .split(';')
    .map((declaration) => declaration.split(/:(.*)/s).map((part) => part.trim()))
    .filter(([name, value]) => name && value && ATTRIBUTES.has(name.toLowerCase()) && safeValue(value))
    .map(([name, value]) => `${name!.toLowerCase()}:${value}`)
    .join(';');
}

function keptAttributes(tag: SaxesTagNS): string[] {
  const out: string[] = [];
  for (const attribute of Object.values(tag.attributes)) {
    const { local, uri, value } = attribute;
    if (local === 'href' && (uri === XLINK_NS || uri === '')) {
      // Only <use> and paint servers may refer to another element, and only one of this file.
      if (LOCAL_HREF.test(value.trim())) out.push(`href="${escapeAttr(value.trim())}"`);
      continue;
    }
    if (uri !== '' || !ATTRIBUTES.has(local)) continue; // event handlers, xml:base, other vocabularies
    if (local === 'style') {
      const style = safeStyle(value);
      if (style) out.push(`style="${escapeAttr(style)}"`);
    } else if (safeValue(value)) {
      out.push(`${local}="${escapeAttr(value)}"`);
    }
  }
  return out;
}

/**
 * Returns the picture rebuilt from what is safe in it; throws LatchkeyError('damaged-file') for text that is not
 * well-formed SVG (not XML, not an <svg> root, too large).
 */
export function sanitizeSvg(source: string): string {
  if (source.length > MAX_SVG_CHARS) throw unreadable();
  const parser = new SaxesParser({
    xmlns: true,
    // A prefix the file forgot to declare (xlink: is common) is not worth refusing the picture for: it is dropped.
    resolvePrefix: (prefix: string) => (prefix === 'xlink' ? XLINK_NS : `urn:latchkey:unknown:${prefix}`),
  });
  const out: string[] = [];
  /** Each open element's name, or null when it was dropped: everything inside a dropped element goes with it. */
  const open: (string | null)[] = [];
  let elements = 0;
  let rootSeen = false;
  let failed = false;
  parser.on('error', () => {
    failed = true;
  });
  parser.on('opentag', (tag) => {
    const element = tag as SaxesTagNS;
    elements++;
    if (elements > MAX_ELEMENTS || open.length >= MAX_DEPTH) failed = true;
    const insideKept = open.every((name) => name !== null);
    const keep = insideKept && element.uri === SVG_NS && ELEMENTS.has(element.local);
    if (!rootSeen) {
      rootSeen = true;
      if (!keep || element.local !== 'svg') failed = true;
    }
    open.push(keep ? element.local : null);
    if (!keep) return;
    const attributes = keptAttributes(element);
    if (open.length === 1) attributes.unshift(`xmlns="${SVG_NS}"`);
    out.push(`<${element.local}${attributes.map((a) => ` ${a}`).join('')}>`);
  });
  parser.on('closetag', (tag) => {
    if (open.pop()) out.push(`</${(tag as SaxesTagNS).local}>`);
  });
  parser.on('text', (text) => {
    // Text is drawn only inside <text>; elsewhere it is layout whitespace or leftovers of dropped elements.
    const current = open.at(-1);
    if ((current === 'text' || current === 'tspan') && open.every((name) => name !== null)) out.push(escapeText(text));
  });
  parser.on('cdata', () => undefined);
  try {
    // Fed in slices, so that a hostile file is stopped soon after it passes a limit rather than at its end.
    for (let i = 0; i < source.length && !failed; i += 16_384) {
      parser.write(source.slice(i, i + 16_384));
    }
    if (!failed) parser.close();
  } catch {
    failed = true;
  }
  if (failed || !rootSeen) throw unreadable();
  return out.join('');
}
