/**
 * An account's picture as another app's file (or a Latchkey backup) gives it: checked before it can be stored.
 * A picture that is not what it says it is, too large, or an SVG that does not read as plain SVG is left out: the
 * account is still imported, and shows its brand icon or its letter. SVG pictures are rebuilt from what is safe
 * in them (svg-sanitize.ts); raster pictures are kept as they are, since a browser only ever draws them.
 */
import { ICON_MIMES, type AccountIcon, type IconMime } from '../../core/account';
import { base64ToBytes, bytesToBase64, bytesToUtf8, utf8Bytes } from '../../core/encoding';
import { isRecord } from './bytes';
import { sanitizeSvg } from './svg-sanitize';

/**
 * The largest picture kept in an account's record: every record is read when the vault unlocks, so a picture is
 * an icon (Latchkey's own are at most 128 px, a few kB), not a photo.
 */
export const MAX_ICON_BYTES = 64 * 1024;
/** Slugs of the brand set and names other apps use for their icons: short words. */
const MAX_BRAND_CHARS = 100;

/** The first bytes of each raster type: a file that claims one type and holds another is not kept. */
const SIGNATURES: Record<Exclude<IconMime, 'image/svg+xml'>, (b: Uint8Array) => boolean> = {
  'image/png': (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/webp': (b) =>
    String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP',
};

const MIME_ALIASES: Record<string, IconMime> = { 'image/jpg': 'image/jpeg', 'image/svg': 'image/svg+xml' };

/** The MIME type as other apps write it ("image/jpg", "IMAGE/PNG"), or null when it is no picture we keep. */
export function iconMime(value: unknown): IconMime | null {
  if (typeof value !== 'string') return null;
  const mime = value.trim().toLowerCase();
  const named = MIME_ALIASES[mime] ?? mime;
  return (ICON_MIMES as readonly string[]).includes(named) ? (named as IconMime) : null;
}

/** A picture from its type and bytes: checked (and an SVG rebuilt), or null when it is not kept. */
export function imageIcon(mime: IconMime | null, bytes: Uint8Array | null): AccountIcon | null {
  if (!mime || !bytes || bytes.length === 0) return null;
  if (mime === 'image/svg+xml') {
    const text = bytesToUtf8(bytes);
    if (text === null) return null;
    let clean: Uint8Array;
    try {
      clean = utf8Bytes(sanitizeSvg(text.replace(/^\uFEFF/, '')));
    } catch {
      return null;
    }
    return clean.length <= MAX_ICON_BYTES ? { kind: 'image', mime, dataBase64: bytesToBase64(clean) } : null;
  }
  if (bytes.length > MAX_ICON_BYTES || !SIGNATURES[mime](bytes)) return null;
  return { kind: 'image', mime, dataBase64: bytesToBase64(bytes) };
}

/** A picture given as a MIME type and Base64 (Aegis's `icon_mime` and `icon`, Latchkey's backups). */
export function base64Icon(mime: unknown, dataBase64: unknown): AccountIcon | null {
  if (typeof dataBase64 !== 'string' || dataBase64.length > (MAX_ICON_BYTES * 4) / 3 + 4 + 4 * 1024) return null;
  return imageIcon(iconMime(mime), base64ToBytes(dataBase64));
}

/** A reference to a brand icon by slug or by the name another app gives it: resolved when it is drawn. */
export function brandIcon(value: unknown): AccountIcon | null {
  if (typeof value !== 'string') return null;
  const slug = value.trim();
  return slug && slug.length <= MAX_BRAND_CHARS && !/[\p{Cc}<>]/u.test(slug) ? { kind: 'brand', slug } : null;
}

/** An `icon` field as Latchkey writes it in its backups (core/account.ts's AccountIcon), or null. */
export function readIcon(value: unknown): AccountIcon | null {
  if (!isRecord(value)) return null;
  if (value.kind === 'letter') return { kind: 'letter' };
  if (value.kind === 'brand') return brandIcon(value.slug);
  if (value.kind === 'image') return base64Icon(value.mime, value.dataBase64);
  return null;
}
