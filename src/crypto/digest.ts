/** Hashes and MACs on WebCrypto, with raw keys: SHA-256, HMAC-SHA256 and HKDF-SHA256. */
import { copyBytes, type Bytes } from '../core/bytes';

export async function sha256Bytes(bytes: Uint8Array): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', copyBytes(bytes)));
}

export async function hmacSha256Bytes(key: Uint8Array, data: Uint8Array): Promise<Bytes> {
  const hmac = { name: 'HMAC', hash: 'SHA-256' } as const;
  const k = await crypto.subtle.importKey('raw', copyBytes(key), hmac, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', k, copyBytes(data)));
}
