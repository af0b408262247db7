import { useEffect, useRef, useState } from 'preact/hooks';
import type { Account } from '../core/account';
import { nextStepAt } from '../core/otp';
import type { CodeView } from '../app/codes';
import { useSession } from './context';
import { appNow, onClockOffsetChange } from './ticker';

type Codes = ReadonlyMap<string, CodeView>;

/** Milliseconds until the first TOTP/Steam account reaches its next period boundary. */
export function untilNextBoundary(accounts: readonly Account[], now: number): number {
  const periods = new Set<number>();
  for (const a of accounts) if (a.type !== 'hotp') periods.add(a.period);
  let soonest = Infinity;
  for (const period of periods) soonest = Math.min(soonest, nextStepAt(now, period) - now);
  return soonest;
}

/**
 * Computes the codes of the given accounts in one batch now, then again at each period boundary (not every
 * second), and at once when the user applies a clock correction; each batch goes to `publish`. HOTP codes change
 * only when their counter does, which arrives as a new accounts array.
 */
export function useCodeRefresh(accounts: readonly Account[], publish: (codes: Codes) => void): void {
  const session = useSession();
  const target = useRef(publish);
  target.current = publish;

  useEffect(() => {
    let cancelled = false;
    let latest = 0; // only the newest refresh may publish and schedule, so overlapping ones never double up
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = async () => {
      const mine = ++latest;
      clearTimeout(timer);
      const now = appNow();
      const next = await session.computeCodes(accounts, now);
      if (cancelled || mine !== latest) return;
      target.current(next);
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
}

/** The same codes as Preact state: for a handful of accounts (the manual form's preview). */
export function useCodes(accounts: readonly Account[]): Codes {
  const [codes, setCodes] = useState<Codes>(new Map());
  useCodeRefresh(accounts, setCodes);
  return codes;
}
