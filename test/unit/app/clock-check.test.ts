import { describe, expect, it } from 'vitest';
import { describeDuration, judgeClock } from '../../../src/app/clock-check';
import { readServerTime } from '../../../src/platform/clock';

describe('judgeClock', () => {
  it.each<[string, number, number, string | null, number?]>([
    ['on time', 0, 0, null],
    ['10 s behind is tolerated', 10_000, 0, null],
    ['exactly 15 s is tolerated', -15_000, 0, null],
    ['16 s behind', 16_000, 0, 'is 16 seconds behind', 16_000],
    ['2 minutes ahead', -120_400, 0, 'is 2 minutes ahead', -120_000],
    ['an hour and a bit ahead', -3_725_000, 0, 'is 1 hour 2 minutes ahead', -3_725_000],
    ['already corrected', -120_000, -119_000, null],
    ['corrected, then the clock moved again', -300_000, -120_000, 'is 5 minutes ahead', -300_000],
    ['corrected, then the clock was fixed', 1_000, -120_000, 'right again', 0],
  ])('%s', (_, measured, applied, message, offset) => {
    const verdict = judgeClock(measured, applied);
    if (message === null) return expect(verdict).toEqual({ kind: 'fine' });
    expect(verdict.kind).toBe('off');
    if (verdict.kind !== 'off') return;
    expect(verdict.message).toContain(message);
    expect(verdict.message).toMatch(/^Your device clock .+\.$/);
    expect(verdict.offsetMs).toBe(offset);
    expect(verdict.canCorrect).toBe(true);
  });

  it('a clock off by years is not corrected: only fixing the device helps', () => {
    const verdict = judgeClock(20 * 365 * 864e5, 0);
    expect(verdict).toMatchObject({ kind: 'off', canCorrect: false });
    expect(verdict.kind === 'off' && verdict.message).toMatch(/days? .*behind.*date and time/);
  });
});

describe('describeDuration', () => {
  it.each([
    [0, '0 seconds'],
    [1_000, '1 second'],
    [59_000, '59 seconds'],
    [60_000, '1 minute'],
    [61_000, '1 minute 1 second'],
    [3_600_000, '1 hour'],
    [7_260_000, '2 hours 1 minute'],
    [90_000_000, '1 day 1 hour'],
  ])('%i ms → %j', (ms, text) => expect(describeDuration(ms)).toBe(text));
});

describe('readServerTime', () => {
  const DATE = 'Tue, 15 Nov 1994 08:12:31 GMT';
  const at = Date.parse(DATE);
  const respond =
    (init: ResponseInit, delayMs = 0) =>
    (clock: { t: number }) =>
    async (url: RequestInfo | URL, options?: RequestInit) => {
      expect(String(url)).toMatch(/^\/robots\.txt\?clock-check=\d+$/);
      expect(options).toMatchObject({ method: 'HEAD', cache: 'no-store' });
      clock.t += delayMs;
      return new Response(null, init);
    };

  it.each<[string, (c: { t: number }) => typeof fetch, { serverMs: number; deviceMs: number } | null]>([
    [
      'reads the Date header, middle of its second',
      respond({ headers: { date: DATE } }, 200) as never,
      {
        serverMs: at + 500,
        deviceMs: 1_000_100,
      },
    ],
    ['no Date header', respond({}) as never, null],
    ['a garbled Date header', respond({ headers: { date: 'soon' } }) as never, null],
    ['an error status', respond({ status: 500, headers: { date: DATE } }) as never, null],
    ['an answer too slow to trust', respond({ headers: { date: DATE } }, 6_000) as never, null],
    ['offline', () => (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch, null],
  ])('%s', async (_, makeFetch, expected) => {
    const clock = { t: 1_000_000 };
    expect(await readServerTime(makeFetch(clock), () => clock.t)).toEqual(expected);
  });
});
