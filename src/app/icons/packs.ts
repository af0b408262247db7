/**
 * Aegis icon packs the person imported: each kept as one sealed record `iconpack:<pack id>` beside the accounts
 * (docs/vault-format.md), read only when Change icon searches them. A pack is not an account: the vault's table
 * of contents does not list it (vault-copy.ts's isAccountRecord), since losing one, or getting an older copy of
 * one back, changes only which icons Change icon offers; an icon chosen from a pack is copied into the account.
 * Packs are not part of backups: the person keeps the pack file, and the icons chosen from it travel with the
 * accounts.
 */
import type { IconPack, PackIcon } from '../../formats/aegis/icon-pack';
import { FileImport } from '../file-import';
import type { Session } from '../session/session';
import { loadVault } from '../session/vault-module';

export type { IconPack, PackIcon } from '../../formats/aegis/icon-pack';

export const ICON_PACK_PREFIX = 'iconpack:';

/** Reads the pack file in the import worker; the pack and how many of its icons could not be kept. */
export async function readIconPackFile(bytes: Uint8Array): Promise<{ pack: IconPack; skipped: number }> {
  const reader = new FileImport();
  try {
    return await reader.iconPack(bytes);
  } finally {
    reader.cancel();
  }
}

/** Seals and stores a pack, replacing an earlier version of the same pack. */
export function storeIconPack(session: Session, pack: IconPack): Promise<void> {
  return session.changes.exclusive(async (key, vault) => {
    const { sealRecord } = await loadVault();
    // Sealed first, then written in one transaction (rule 3).
    const sealed = await sealRecord(key, `${ICON_PACK_PREFIX}${pack.id}`, pack);
    await vault.write({ put: [sealed] });
  });
}

export function removeIconPack(session: Session, id: string): Promise<void> {
  return session.changes.exclusive((_key, vault) => vault.write({ remove: [`${ICON_PACK_PREFIX}${id}`] }));
}

function isPack(value: unknown): value is IconPack {
  const pack = value as IconPack | null;
  return typeof pack?.id === 'string' && typeof pack.name === 'string' && Array.isArray(pack.icons);
}

/** Every stored pack that opens; one that does not (damaged outside Latchkey) is left out. */
export function readIconPacks(session: Session): Promise<IconPack[]> {
  return session.changes.exclusive(async (key, vault) => {
    const { openRecord } = await loadVault();
    const sealed = (await vault.getAllRecords()).filter((record) => record.id.startsWith(ICON_PACK_PREFIX));
    const packs: IconPack[] = [];
    for (const record of sealed) {
      try {
        const pack = await openRecord(key, record);
        if (isPack(pack)) packs.push(pack);
      } catch {
        // A damaged pack offers nothing; the accounts are not affected.
      }
    }
    return packs.sort((a, b) => a.name.localeCompare(b.name));
  });
}

/** The icons of the packs whose name or suggested issuers contain the search text, in pack order. */
export function searchPacks(packs: readonly IconPack[], query: string, limit = 60): PackIcon[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return [];
  const found: PackIcon[] = [];
  for (const pack of packs) {
    for (const icon of pack.icons) {
      if (icon.name.toLowerCase().includes(needle) || icon.issuers.some((i) => i.toLowerCase().includes(needle))) {
        found.push(icon);
        if (found.length >= limit) return found;
      }
    }
  }
  return found;
}
