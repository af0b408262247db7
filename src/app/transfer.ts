import { utf8Bytes } from '../core/encoding';
/** Moving data in and out; the format code loads on demand (rule 7). */
import type { Account } from '../core/account';

export async function otpauthListFile(accounts: readonly Account[]): Promise<Uint8Array> {
  const { formatOtpauth } = await import('../core/uri');
  return utf8Bytes(accounts.map((a) => formatOtpauth(a)).join('\n') + '\n');
}

export async function aegisFile(accounts: readonly Account[], password?: string): Promise<Uint8Array> {
  const { exportAegis } = await import('../formats/aegis/export');
  return utf8Bytes(await exportAegis(accounts, password ? { password } : {}));
}

/** Offers bytes as a download; the object URL is revoked once the click has been handled. */
export function download(bytes: Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function datedName(prefix: string, extension: string, now = new Date()): string {
  return `${prefix}-${now.toISOString().slice(0, 10)}.${extension}`;
}
