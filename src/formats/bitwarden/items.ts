/** Bitwarden's login items (plain JSON export, or the decrypted data of a password-protected one). */
import { draftFromTotpField } from '../shared/loose';
import type { ImportResult } from '../types';
import { convertEach, entryLabel, text } from '../shared/drafts';
import { isRecord } from '../shared/bytes';

export function readBitwardenItems(items: unknown[], format: string): ImportResult {
  const { accounts, problems } = convertEach(
    items,
    (item, i) =>
      isRecord(item)
        ? entryLabel(item.name, isRecord(item.login) ? item.login.username : '', `item ${i + 1}`)
        : `item ${i + 1}`,
    (item) => {
      if (!isRecord(item) || !isRecord(item.login)) return null; // cards, notes, identities: nothing to import
      const draft = draftFromTotpField(item.login.totp, { issuer: text(item.name), name: text(item.login.username) });
      if (!draft) return null;
      const note = text(item.notes);
      if (note) draft.note = note;
      if (item.favorite === true) draft.favorite = true;
      return draft;
    },
  );
  return { format, accounts, problems };
}
