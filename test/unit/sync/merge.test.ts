/**
 * The merge, exhaustively: two devices that agree on one account each make one of the changes a person can make
 * (none, an edit, Next code once or twice, a deletion) at the same moment, with either device's clock ahead, and
 * sync in either order. Every pair must converge on both devices and in the synced copy, by the rules of
 * docs/sync.md: no account is lost unless one side deleted it and the other did not touch it, an edit concurrent
 * with a deletion keeps the account, the later change wins (per account), and an HOTP counter is the higher of the two.
 */
import { describe, expect, it } from 'vitest';
import { decide, stampOf, type LocalEntry, type Version } from '../../../src/sync/merge';
import { maxHlc, tickHlc, ZERO_HLC, type Hlc } from '../../../src/sync/hlc';

interface Content {
  name: string;
  counter: number;
}

interface Device {
  node: string;
  /** Wall clock of this device, ms. */
  now: number;
  clock: Hlc;
  entry: (LocalEntry & { content: Content | null }) | undefined;
}

interface Remote {
  version: Version | undefined;
  content: Content | null;
}

type Change = 'none' | 'edit' | 'next' | 'next twice' | 'delete';
const CHANGES: readonly Change[] = ['none', 'edit', 'next', 'next twice', 'delete'];

function stamp(device: Device): Hlc {
  device.clock = tickHlc(device.clock, device.now, device.node);
  return device.clock;
}

/** A change made on the device: a new version, keeping the version last agreed as its base. */
function localChange(device: Device, content: Content | null): void {
  const entry = device.entry!;
  const base = entry.base ?? stampOf(entry.version);
  const at = stamp(device);
  device.entry = {
    version: content ? { kind: 'live', clock: at, counter: content.counter } : { kind: 'gone', at },
    base,
    content,
  };
}

function change(device: Device, what: Change, label: string): void {
  const content = device.entry?.content;
  if (what === 'none' || !content) return;
  if (what === 'edit') localChange(device, { ...content, name: label });
  if (what === 'next') localChange(device, { ...content, counter: content.counter + 1 });
  if (what === 'next twice') {
    localChange(device, { ...content, counter: content.counter + 1 });
    localChange(device, { ...content, counter: content.counter + 2 });
  }
  if (what === 'delete') localChange(device, null);
}

function push(device: Device, remote: Remote): void {
  remote.version = device.entry!.version;
  remote.content = device.entry!.content;
  device.entry!.base = undefined;
}

/** One sync of one account, as the engine runs it, against a synced copy that takes every write. */
function sync(device: Device, remote: Remote): string {
  const decision = decide(device.entry, remote.version);
  if (remote.version) device.clock = maxHlc(device.clock, stampOf(remote.version));
  switch (decision.do) {
    case 'none':
      break;
    case 'push':
      push(device, remote);
      break;
    case 'pull':
      device.entry = { version: remote.version!, base: undefined, content: remote.content };
      break;
    case 'pull-raise':
    case 'raise': {
      const from = decision.do === 'pull-raise' ? remote.content! : device.entry!.content!;
      const at = stamp(device);
      const counter = decision.counter ?? from.counter;
      device.entry = {
        version: { kind: 'live', clock: at, counter },
        base: stampOf(remote.version!),
        content: { ...from, counter },
      };
      push(device, remote);
      break;
    }
    case 'settle':
      device.entry!.base = undefined;
      break;
    case 'forget':
      device.entry = undefined;
      break;
  }
  return decision.do;
}

/** Two devices and a synced copy that agree on one HOTP account "Original" at counter 5. */
function agreed(aheadMs: number) {
  const clock = tickHlc(ZERO_HLC, 1_000, 'aaaaaaaa');
  const content = { name: 'Original', counter: 5 };
  const version: Version = { kind: 'live', clock, counter: 5 };
  const device = (node: string, now: number): Device => ({
    node,
    now,
    clock,
    entry: { version, base: undefined, content },
  });
  // Both change "at the same moment" by their own clocks, which differ by `aheadMs`.
  return {
    a: device('aaaaaaaa', 50_000 + aheadMs),
    b: device('bbbbbbbb', 50_000),
    remote: { version, content } as Remote,
  };
}

function expected(a: Change, b: Change, aIsLater: boolean) {
  const deleted = (a === 'delete' && (b === 'none' || b === 'delete')) || (b === 'delete' && a === 'none');
  const steps = (c: Change) => (c === 'next' ? 1 : c === 'next twice' ? 2 : 0);
  const counter = 5 + Math.max(steps(a), steps(b));
  // Last writer wins per account: of two changes the later stamp's version is taken whole (a Next code later
  // than a rename keeps the old name), with the higher counter.
  const nameAfter = (c: Change, label: string) => (c === 'edit' ? label : 'Original');
  const changedA = a !== 'none' && a !== 'delete';
  const changedB = b !== 'none' && b !== 'delete';
  const name =
    changedA && changedB
      ? aIsLater
        ? nameAfter(a, 'edited on A')
        : nameAfter(b, 'edited on B')
      : changedA
        ? nameAfter(a, 'edited on A')
        : nameAfter(b, 'edited on B');
  return { deleted, counter, name };
}

describe('merge of two concurrent changes to one account (every pair, either clock ahead, either order)', () => {
  const cases = CHANGES.flatMap((a) =>
    CHANGES.flatMap((b) =>
      [+3_000, -3_000].flatMap((aheadMs) =>
        (['A first', 'B first'] as const).map((order) => ({ a, b, aheadMs, order })),
      ),
    ),
  );
  it.each(cases)('A: $a, B: $b, A ahead by $aheadMs ms, $order', ({ a, b, aheadMs, order }) => {
    const { a: deviceA, b: deviceB, remote } = agreed(aheadMs);
    change(deviceA, a, 'edited on A');
    change(deviceB, b, 'edited on B');
    const [first, second] = order === 'A first' ? [deviceA, deviceB] : [deviceB, deviceA];
    // Each syncs; then each once more, after which nothing may change any more.
    sync(first, remote);
    sync(second, remote);
    sync(first, remote);
    sync(second, remote);
    expect([sync(first, remote), sync(second, remote)]).toEqual(['none', 'none']);

    const want = expected(a, b, aheadMs > 0);
    for (const device of [deviceA, deviceB]) {
      if (want.deleted) {
        expect(device.entry?.content ?? null).toBeNull();
        continue;
      }
      expect(device.entry?.content).toEqual({ name: want.name, counter: want.counter });
      expect(device.entry?.base).toBeUndefined();
      expect(device.entry?.version).toEqual(remote.version);
    }
    expect(remote.content).toEqual(want.deleted ? null : { name: want.name, counter: want.counter });
  });
});

describe('decide, one case at a time', () => {
  const c = (ms: number, node = 'aaaaaaaa') => tickHlc(ZERO_HLC, ms, node);
  const live = (ms: number, counter: number | null = null): Version => ({ kind: 'live', clock: c(ms), counter });
  const gone = (ms: number): Version => ({ kind: 'gone', at: c(ms) });
  const clean = (version: Version): LocalEntry => ({ version, base: undefined });
  const changed = (version: Version, baseMs: number): LocalEntry => ({ version, base: baseMs ? c(baseMs) : ZERO_HLC });

  it.each([
    ['nothing on either side', undefined, undefined, { do: 'none' }],
    ['an account only in the synced copy is fetched', undefined, live(10), { do: 'pull' }],
    ['a deletion only in the synced copy needs nothing here', undefined, gone(10), { do: 'none' }],
    ['a new account here is uploaded', changed(live(10), 0), undefined, { do: 'push' }],
    ['an agreed account missing from the synced copy is uploaded again', clean(live(10)), undefined, { do: 'push' }],
    ['an agreed deletion the synced copy forgot is forgotten here', clean(gone(10)), undefined, { do: 'forget' }],
    ['a deletion here not yet uploaded is uploaded', changed(gone(20), 10), undefined, { do: 'push' }],
    ['the same version', clean(live(10)), live(10), { do: 'none' }],
    ['a change already uploaded is settled', changed(live(20), 10), live(20), { do: 'settle' }],
    ['a newer version there is taken', clean(live(10)), live(20), { do: 'pull' }],
    ['a deletion there is taken', clean(live(10)), gone(20), { do: 'pull' }],
    ['an older copy put back there is overwritten', clean(live(20)), live(10), { do: 'push' }],
    ['an older copy put back under a change here', changed(live(30), 20), live(10), { do: 'push' }],
    ['a change here over the agreed version is uploaded', changed(live(20), 10), live(10), { do: 'push' }],
    ['two edits: the later wins (here)', changed(live(30), 10), live(20), { do: 'push' }],
    ['two edits: the later wins (there)', changed(live(20), 10), live(30), { do: 'pull' }],
    [
      'an edit here and a deletion there keeps the account',
      changed(live(20), 10),
      gone(30),
      { do: 'raise', counter: null },
    ],
    ['a deletion here and an edit there keeps the account', changed(gone(30), 10), live(20), { do: 'pull' }],
    ['two deletions stay deleted', changed(gone(30), 10), gone(20), { do: 'push' }],
    [
      'a later edit there with a lower counter keeps ours',
      changed(live(20, 8), 10),
      live(30, 6),
      { do: 'pull-raise', counter: 8 },
    ],
    [
      'a later edit here with a lower counter takes theirs',
      changed(live(30, 6), 10),
      live(20, 8),
      { do: 'raise', counter: 8 },
    ],
    [
      'a newer version there with a lower counter keeps ours',
      clean(live(10, 9)),
      live(20, 7),
      { do: 'pull-raise', counter: 9 },
    ],
  ] as const)('%s', (_name, local, remote, want) => {
    expect(decide(local, remote)).toEqual(want);
  });
});
