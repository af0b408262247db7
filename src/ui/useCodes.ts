import { useEffect, useState } from 'preact/hooks';
import type { Account } from '../core/account';
import type { CodeView } from '../app/codes';
import { useSession } from './context';
import { appNow } from './ticker';

/** Milliseconds until the first TOTP/Steam account reaches its next period boundary. */
function untilNextBoundary(accounts: readonly Account[], now: number): number {
  let soonest = Infinity;
  for (const a of accounts) {
    if (a.type === 'hotp') continue;
    const periodMs = a.period * 1000;
    soonest = Math.min(soonest, periodMs - (now % periodMs));
  }
  return soonest;
}

/**
 * Live codes for the given accounts: computed in one batch now, then again at each period boundary (not every
 * second). HOTP codes change only when their counter does, which arrives as a new accounts array.
 */
export function useCodes(accounts: readonly Account[]): ReadonlyMap<string, CodeView> {
  const session = useSession();
  const [codes, setCodes] = useState<ReadonlyMap<string, CodeView>>(new Map());

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = async () => {
      const now = appNow();
      const next = await session.computeCodes(accounts, now);
      if (cancelled) return;
      setCodes(next);
      const wait = untilNextBoundary(accounts, appNow());
      if (wait !== Infinity) timer = setTimeout(refresh, wait + 20);
    };
    void refresh();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [accounts, session]);

  return codes;
}
