/** Latchkey's own encrypted backup of everything as stored now, read back and decrypted once before it counts. */
import type { Session } from './session/session';

export async function exportVerifiedBackup(session: Session, password: string): Promise<Uint8Array> {
  // What other tabs stored too: the backup is of the vault, not of this tab's last view of it.
  await session.changes.refresh();
  const { exportBackup, verifyBackup } = await import('../formats/backup/backup');
  const accounts = session.state.value.accounts;
  const bytes = await exportBackup(accounts, { groups: session.vaultData.groups }, password);
  await verifyBackup(bytes, password, accounts.length);
  return bytes;
}
