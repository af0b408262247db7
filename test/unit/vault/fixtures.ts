/** Shared helpers of the vault, KDF and storage tests. */
export { expectHumanSentence, expectRefusal } from '../../support/refusal';
import type { PasswordSlot, RandomSource, VaultHeader } from '../../../src/vault/vault';

/** The header's first slot, which these tests know is its password slot. */
export function passwordSlotOf(header: VaultHeader): PasswordSlot {
  const slot = header.slots[0];
  if (slot?.type !== 'password') throw new Error('the first slot is not a password slot');
  return slot;
}

/** A repeatable byte source (a 32-bit LCG): tests that use it produce the same vault every run. */
export function seededRandom(seed = 1): RandomSource {
  let state = seed >>> 0;
  return (length) => {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      out[i] = state >>> 24;
    }
    return out;
  };
}

export function flipByte<T extends Uint8Array>(bytes: T, index = 0): T {
  const copy = bytes.slice() as T;
  const at = index < 0 ? copy.length + index : index;
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
}

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function fromHex(text: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array((text.match(/../g) ?? []).map((pair) => parseInt(pair, 16)));
}
