/**
 * The one set of text encoders for bytes, for every layer: UTF-8, hex and Base64. Names say what goes in and what
 * comes out (`bytesToHex`, `base64ToBytes`); decoders return null for malformed text, and callers say what that
 * means (a damaged file, a tampered record). Kept apart from bytes.ts, which the first screen needs: these load
 * with the code that uses them.
 */
import type { Bytes } from './bytes';

const encoder = new TextEncoder();

export function utf8Bytes(text: string): Bytes {
  return encoder.encode(text);
}

/** Strict UTF-8: null for bytes that are not valid UTF-8. */
export function bytesToUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Lower or upper case, an even number of digits; null otherwise. */
export function hexToBytes(text: string): Bytes | null {
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(text)) return null;
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunks keep String.fromCharCode's argument list short for large backups.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Standard or URL-safe Base64, padding optional, whitespace ignored; null for anything else. */
export function base64ToBytes(text: string): Bytes | null {
  const clean = text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(clean) || clean.length % 4 === 1) return null;
  const binary = atob(clean + '='.repeat((4 - (clean.length % 4)) % 4));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
