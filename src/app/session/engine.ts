/**
 * What an unlocked vault runs (reading, checking, refreshing and committing the copy, and the queue of changes), as
 * one lazy chunk: the lock screen needs none of it (rule 7). Loaded by vault-module.ts with the vault's crypto.
 */
export { VaultChanges } from './changes';
export { showVault } from './open-vault';
export { commitChange, refreshCopy, resealAll } from './vault-copy';
