/**
 * The merge of one account between this device and the synced copy: a three-way merge against the version both
 * last agreed on (docs/sync.md, "Merging"). Pure: it decides, the engine (engine.ts) fetches, applies and uploads.
 *
 * - Only one side changed since the agreed version: that side's version is taken.
 * - Both changed (concurrent changes): the later stamp wins (last writer wins by hybrid logical clock); an edit
 *   concurrent with a deletion keeps the account; two deletions stay a deletion.
 * - An HOTP counter never goes back: the version taken gets the higher of the two counters.
 * - A version in the synced copy older than the agreed one is a copy put back (a rolled-back server, or a write
 *   lost on a server that ignores conditional writes): this device's version is written again.
 * - No account is ever dropped for being missing from the synced copy: it is uploaded again.
 */
import type { Hlc } from './hlc';

/** One side's version of an account: live (with its HOTP counter, null for other types) or deleted. */
export type Version = { kind: 'live'; clock: Hlc; counter: number | null } | { kind: 'gone'; at: Hlc };

/** This device's version, and when it changed since the last agreement, the stamp of the agreed version. */
export interface LocalEntry {
  version: Version;
  /** Undefined when unchanged since the two last agreed (`version` is the agreed one); ZERO_HLC for a new account. */
  base: Hlc | undefined;
}

export type Decision =
  /** Both hold the same version. */
  | { do: 'none' }
  /** Upload this device's version (an account or a deletion). */
  | { do: 'push' }
  /** Take the synced copy's version here (fetch the account, or delete it here). */
  | { do: 'pull' }
  /** Take the synced copy's account with this (higher) counter, as a new change here, and upload it. */
  | { do: 'pull-raise'; counter: number }
  /** Stamp this device's account anew (with this counter), as a change made now, and upload it. */
  | { do: 'raise'; counter: number | null }
  /** This device's change is already in the synced copy: mark it as agreed. */
  | { do: 'settle' }
  /** A deletion the synced copy no longer lists (its tombstone expired): forget it here too. */
  | { do: 'forget' };

export function stampOf(version: Version): Hlc {
  return version.kind === 'live' ? version.clock : version.at;
}

function higherCounter(a: Version, b: Version): number | null {
  if (a.kind !== 'live' || b.kind !== 'live' || a.counter === null || b.counter === null) return null;
  return Math.max(a.counter, b.counter);
}

/** What to do with one account, given this device's entry and the synced copy's version (undefined: not listed). */
export function decide(local: LocalEntry | undefined, remote: Version | undefined): Decision {
  if (!local) return remote?.kind === 'live' ? { do: 'pull' } : { do: 'none' };
  const mine = local.version;
  if (!remote) {
    // Never dropped for being missing there: an account goes up again; a deletion nobody lists is over.
    if (mine.kind === 'live') return { do: 'push' };
    return local.base === undefined ? { do: 'forget' } : { do: 'push' };
  }
  const stamp = stampOf(mine);
  const theirs = stampOf(remote);
  if (theirs === stamp) {
    // The same version: only an HOTP counter raised here without a new stamp could differ.
    const counter = higherCounter(mine, remote);
    if (counter !== null && mine.kind === 'live' && counter > (mine.counter ?? 0)) return { do: 'pull' };
    if (counter !== null && remote.kind === 'live' && counter > (remote.counter ?? 0)) {
      return { do: 'raise', counter };
    }
    return local.base === undefined ? { do: 'none' } : { do: 'settle' };
  }
  const base = local.base ?? stamp;
  // Stamps only move forward in the synced copy; one below the agreed version was put back: write ours again.
  if (theirs < base) return { do: 'push' };
  if (local.base === undefined || theirs === base) {
    if (local.base === undefined) return pullUnlessLower(mine, remote);
    return { do: 'push' };
  }
  // Both changed since they last agreed.
  if (mine.kind === 'gone' && remote.kind === 'gone') return stamp > theirs ? { do: 'push' } : { do: 'pull' };
  // An edit concurrent with a deletion keeps the account. Kept here: stamped anew, so it sorts after the deletion.
  if (mine.kind === 'live' && remote.kind === 'gone') return { do: 'raise', counter: mine.counter };
  if (mine.kind === 'gone') return { do: 'pull' };
  const counter = higherCounter(mine, remote);
  if (stamp > theirs) {
    return counter !== null && counter > (mine.counter ?? 0) ? { do: 'raise', counter } : { do: 'push' };
  }
  return pullUnlessLower(mine, remote);
}

/** Takes the synced copy's version, keeping this device's HOTP counter when it is higher. */
function pullUnlessLower(mine: Version, remote: Version): Decision {
  const counter = higherCounter(mine, remote);
  if (counter !== null && remote.kind === 'live' && counter > (remote.counter ?? 0)) {
    return { do: 'pull-raise', counter };
  }
  return { do: 'pull' };
}
