import { useEffect, useRef, useState } from 'preact/hooks';
import type { Account } from '../../core/account';
import { nextStepAt } from '../../core/otp';
import type { CodeView } from '../../app/codes';
import { useSession } from '../components/session-context';
import { appNow, onClockOffsetChange, onFirstTickFrom } from './ticker';

type Codes = ReadonlyMap<string, CodeView>;

/** Milliseconds until the first TOTP/Steam account reaches its next period boundary. */
export function untilNextBoundary(accounts: readonly Account[], now: number): number {
  const periods = new Set<number>();
  for (const a of accounts) if (a.type !== 'hotp') periods.add(a.period);
  let soonest = Infinity;
  for (const period of periods) soonest = Math.min(soonest, nextStepAt(now, period) - now);
  return soonest;
}

/** Milliseconds after a boundary when the codes of the step after it are computed: away from the boundary's frame. */
const PREPARE_AFTER_MS = 1000;

/**
 * Computes the codes of the given accounts now, and the codes of the next period ahead of time, so the shared tick
 * that crosses the boundary shows them itself: the new codes and the countdowns' new seconds are written in one
 * task and drawn in one frame, with no HMAC to wait for on the boundary. Recomputes at once when the user applies
 * a clock correction. Each batch goes to `publish`. HOTP codes change only when their counter does, which arrives
 * as a new accounts array.
 */
export function useCodeRefresh(accounts: readonly Account[], publish: (codes: Codes) => void): void {
  const session = useSession();
  const target = useRef(publish);
  target.current = publish;

  useEffect(() => {
    let cancelled = false;
    let latest = 0; // only the newest run may publish and schedule, so overlapping ones never double up
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopWaiting = () => {}; // for the tick that crosses the next boundary
    const stopTimers = () => {
      clearTimeout(timer);
      stopWaiting();
    };
    let shownUntil = -Infinity; // the codes on screen are right until then
    const stale = (mine: number) => cancelled || mine !== latest;
    const show = (codes: Codes, until: number) => {
      shownUntil = until;
      target.current(codes);
    };

    const prepare = async (mine: number) => {
      // A timer can fire far too late (a device asleep, a hidden tab): first make what is shown right again.
      if (appNow() >= shownUntil) return void refresh();
      const boundary = appNow() + untilNextBoundary(accounts, appNow());
      if (boundary === Infinity) return; // HOTP only: nothing changes with time
      const upcoming = await session.computeCodes(accounts, boundary);
      if (stale(mine)) return;
      const validUntil = boundary + untilNextBoundary(accounts, boundary);
      stopWaiting = onFirstTickFrom(boundary, (now) => {
        // A tick far too late (past the period prepared for) recomputes rather than show outdated codes.
        if (now >= validUntil) return void refresh();
        show(upcoming, validUntil);
        timer = setTimeout(() => void prepare(mine), PREPARE_AFTER_MS);
      });
    };

    const refresh = async () => {
      const mine = ++latest;
      stopTimers();
      const now = appNow();
      const current = await session.computeCodes(accounts, now);
      if (stale(mine)) return;
      show(current, now + untilNextBoundary(accounts, now));
      await prepare(mine);
    };

    // Back from the background (where timers are throttled or frozen): never show a code of an earlier period.
    const onVisible = () => {
      if (document.visibilityState === 'visible' && appNow() >= shownUntil) void refresh();
    };
    void refresh();
    const stopListening = onClockOffsetChange(() => void refresh());
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      cancelled = true;
      stopTimers();
      stopListening();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [accounts, session]);
}

/** The same codes as Preact state: for a handful of accounts (the manual form's preview). */
export function useCodes(accounts: readonly Account[]): Codes {
  const [codes, setCodes] = useState<Codes>(new Map());
  useCodeRefresh(accounts, setCodes);
  return codes;
}
