import { useEffect, useState } from 'preact/hooks';
import type { Account } from '../core/account';
import { nextStepAt } from '../core/otp';
import type { CodeView } from '../app/codes';
import { useSession } from './context';
import { appNow, onClockOffsetChange } from './ticker';

/** Milliseconds until the first TOTP/Steam account reaches its next period boundary. */
export function untilNextBoundary(accounts: readonly Account[], now: number): number {
  const periods = new Set<number>();
  for (const a of accounts) if (a.type !== 'hotp') periods.add(a.period);
  let soonest = Infinity;
  for (const period of periods) soonest = Math.min(soonest, nextStepAt(now, period) - now);
  return soonest;
}

/**
 * Live codes for the given accounts: computed in one batch now, then again at each period boundary (not every
 * second), and at once when the user applies a clock correction. HOTP codes change only when their counter does,
 * which arrives as a new accounts array.
 */
export function useCodes(accounts: readonly Account[]): ReadonlyMap<string, CodeView> {
  const session = useSession();
  const [codes, setCodes] = useState<ReadonlyMap<string, CodeView>>(new Map());

  useEffect(() => {
    let cancelled = false;
    let latest = 0; // only the newest refresh may publish and schedule, so overlapping ones never double up
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = async () => {
      const mine = ++latest;
      clearTimeout(timer);
      const next = await session.computeCodes(accounts, appNow());
      if (cancelled || mine !== latest) return;
      setCodes(next);
      const wait = untilNextBoundary(accounts, appNow());
      // A few ms late rather than early: a timer that fires just before the boundary would recompute old codes.
      if (wait !== Infinity) timer = setTimeout(() => void refresh(), wait + 20);
    };
    void refresh();
    const stopListening = onClockOffsetChange(() => void refresh());
    return () => {
      cancelled = true;
      clearTimeout(timer);
      stopListening();
    };
  }, [accounts, session]);

  return codes;
}
