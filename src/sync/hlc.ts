/**
 * Hybrid logical clocks (Kulkarni et al., "Logical Physical Clocks", 2014): each change is stamped with a time that
 * is at least the device's clock and above every stamp the device has issued or seen, so a change made after seeing
 * another device's change always sorts after it, even when the two devices' clocks disagree. Sync's merge compares
 * these stamps (merge.ts, docs/sync.md).
 *
 * A stamp is fixed-width lower-case text, `<12 hex: ms since 1970>.<4 hex: counter>.<8 hex: device>`, so two stamps
 * compare as strings; the device part makes stamps of two devices never equal.
 */
import { secureRandom, type RandomSource } from '../core/bytes';
import { bytesToHex } from '../core/encoding';
import { ZERO_HLC, type Hlc } from './stamp';

export { ZERO_HLC, type Hlc } from './stamp';

const HLC = /^[0-9a-f]{12}\.[0-9a-f]{4}\.[0-9a-f]{8}$/;
const NODE = /^[0-9a-f]{8}$/;
const MAX_COUNTER = 0xffff;

export function isHlc(value: unknown): value is Hlc {
  return typeof value === 'string' && HLC.test(value);
}

export function isNode(value: unknown): value is string {
  return typeof value === 'string' && NODE.test(value);
}

/** A new device's part of its stamps: 32 random bits. */
export function newNode(random: RandomSource = secureRandom): string {
  return bytesToHex(random(4));
}

/** The physical part of a stamp, in ms since 1970. */
export function hlcTime(hlc: Hlc): number {
  return parseInt(hlc.slice(0, 12), 16);
}

function format(ms: number, counter: number, node: string): Hlc {
  return `${ms.toString(16).padStart(12, '0')}.${counter.toString(16).padStart(4, '0')}.${node}` as Hlc;
}

/** The later of some stamps (ZERO_HLC for none). */
export function maxHlc(...stamps: readonly (Hlc | undefined)[]): Hlc {
  let out = ZERO_HLC;
  for (const stamp of stamps) if (stamp !== undefined && stamp > out) out = stamp;
  return out;
}

/**
 * The stamp of a change made now on device `node`, after `last` (the latest stamp the device issued or saw):
 * the wall clock when it is ahead, else one more than `last` (rule 4: `now` is a parameter).
 */
export function tickHlc(last: Hlc, now: number, node: string): Hlc {
  if (!isNode(node)) throw new TypeError('A clock needs an 8-digit hex device id.');
  const lastMs = hlcTime(last);
  const wall = Math.max(0, Math.floor(now));
  if (wall > lastMs) return format(wall, 0, node);
  const counter = parseInt(last.slice(13, 17), 16) + 1;
  // 65,536 changes in one millisecond: borrow the next millisecond rather than wrap.
  return counter > MAX_COUNTER ? format(lastMs + 1, 0, node) : format(lastMs, counter, node);
}
