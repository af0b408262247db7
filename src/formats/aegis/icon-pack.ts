/**
 * An Aegis icon pack the person already has (Aegis's docs/iconpacks.md): a zip holding `pack.json`,
 * `{uuid, name, version, icons: [{filename, name, category, issuer: [...]}]}`, and the icon files it names (SVG,
 * PNG or JPEG). Each icon is checked like any account picture (shared/icon.ts: SVGs rebuilt, oversized ones left
 * out); the pack is then kept sealed in the vault and searched in Change icon. Nothing is downloaded: Latchkey
 * only reads the file it is given. fflate loads only when a pack is opened (rule 7).
 */
import type { AccountIcon } from '../../core/account';
import { LatchkeyError } from '../../core/errors';
import { isRecord, parseJsonBytes } from '../shared/bytes';
import { damagedFile } from '../shared/errors';
import { text } from '../shared/drafts';
import { MAX_ICON_BYTES, imageIcon, iconMime } from '../shared/icon';
import { checkImportSize } from '../shared/limits';

export interface PackIcon {
  name: string;
  category: string;
  /** The issuers Aegis suggests this icon for, lower case. */
  issuers: string[];
  icon: Extract<AccountIcon, { kind: 'image' }>;
}

export interface IconPack {
  /** Aegis's uuid of the pack: importing a newer version of the same pack replaces the older one. */
  id: string;
  name: string;
  version: number;
  icons: PackIcon[];
}

/** Aegis's own pack has about 1,500 icons; this leaves room and stops a hostile file early. */
export const MAX_PACK_ICONS = 10_000;
const MAX_PACK_JSON_BYTES = 4 * 1024 * 1024;
/** What all icons of one pack may inflate to: an SVG file may be larger than the icon it is rebuilt into. */
const MAX_PACK_INFLATED_BYTES = 64 * 1024 * 1024;

const EXTENSIONS: Record<string, string> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

function notAPack(): LatchkeyError {
  return new LatchkeyError(
    'unsupported-format',
    'This file is not an Aegis icon pack (a zip with pack.json). Choose the icon pack file itself.',
  );
}

async function unzip(bytes: Uint8Array, wanted: (name: string, size: number) => boolean) {
  const { unzipSync } = await import('fflate');
  try {
    return unzipSync(bytes, { filter: (file) => wanted(file.name, file.originalSize) });
  } catch {
    throw damagedFile('The icon pack zip could not be opened.');
  }
}

/** Reads a pack; its icons that cannot be kept are left out and counted. */
export async function readIconPack(bytes: Uint8Array): Promise<{ pack: IconPack; skipped: number }> {
  checkImportSize(bytes);
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw notAPack();
  const meta = (await unzip(bytes, (name, size) => name === 'pack.json' && size <= MAX_PACK_JSON_BYTES))['pack.json'];
  if (!meta) throw notAPack();
  const json = parseJsonBytes(meta, 'The icon pack’s pack.json');
  if (!isRecord(json) || !Array.isArray(json.icons)) throw notAPack();
  if (json.icons.length > MAX_PACK_ICONS) {
    throw new LatchkeyError(
      'too-large',
      `This icon pack has ${json.icons.length.toLocaleString('en')} icons; Latchkey keeps packs of up to ` +
        `${MAX_PACK_ICONS.toLocaleString('en')}.`,
    );
  }
  const entries = json.icons.filter(isRecord);
  const named = new Set(entries.map((entry) => text(entry.filename)));
  let inflated = 0;
  const files = await unzip(bytes, (name, size) => {
    if (!named.has(name) || size > MAX_ICON_BYTES * 4) return false;
    inflated += size;
    return inflated <= MAX_PACK_INFLATED_BYTES;
  });
  const icons: PackIcon[] = [];
  for (const entry of entries) {
    const filename = text(entry.filename);
    const extension = filename.split('.').pop()?.toLowerCase() ?? '';
    const file = files[filename];
    // The size the zip declared is checked above; what it inflated to is checked here.
    const icon = file && file.length <= MAX_ICON_BYTES * 4 ? imageIcon(iconMime(EXTENSIONS[extension]), file) : null;
    if (icon?.kind !== 'image') continue;
    const fallback = filename
      .split('/')
      .pop()!
      .replace(/\.[^.]*$/, '');
    icons.push({
      name: text(entry.name) || fallback,
      category: text(entry.category),
      issuers: Array.isArray(entry.issuer) ? entry.issuer.map(text).filter(Boolean).slice(0, 20) : [],
      icon,
    });
  }
  if (icons.length === 0) throw damagedFile('This icon pack holds no icon Latchkey can read.');
  const id =
    text(json.uuid)
      .replace(/[^\w-]/g, '')
      .slice(0, 64) || 'pack';
  const version = typeof json.version === 'number' && Number.isSafeInteger(json.version) ? json.version : 0;
  const pack = { id, name: text(json.name).slice(0, 100) || 'Icon pack', version, icons };
  return { pack, skipped: entries.length - icons.length };
}
