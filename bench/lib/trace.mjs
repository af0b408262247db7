/**
 * Main-thread busy time from a Chromium trace (browser.startTracing): the sum of the page main thread's top-level
 * tasks, whatever they ran (script, microtasks, style, layout, paint, garbage collection). The page's main thread
 * is the one that recorded the console.timeStamp(MARK) the driver makes at the start of the window.
 */
export const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline'];
export const MARK = 'latchkey-bench-window';

const TOP_LEVEL = ['ThreadControllerImpl::RunTask', 'RunTask'];

export function mainThreadTasks(traceBuffer) {
  const parsed = JSON.parse(traceBuffer.toString('utf8'));
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const stamp = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === MARK);
  if (!stamp) throw new Error('The trace holds no window mark: was console.timeStamp called in the page?');
  const onThread = events.filter((e) => e.pid === stamp.pid && e.tid === stamp.tid && e.ph === 'X' && e.ts >= stamp.ts);
  const name = TOP_LEVEL.find((n) => onThread.some((e) => e.name === n));
  const tasks = onThread.filter((e) => e.name === name).sort((a, b) => a.ts - b.ts);
  // Drop tasks nested in another (a nested run loop): their time is already inside the outer one.
  const outer = [];
  for (const task of tasks) {
    const last = outer[outer.length - 1];
    if (!last || task.ts >= last.ts + last.dur) outer.push(task);
  }
  return outer.map((t) => ({ start: (t.ts - stamp.ts) / 1000, ms: t.dur / 1000 }));
}

export function busyTime(tasks) {
  return {
    total: tasks.reduce((sum, t) => sum + t.ms, 0),
    longest: tasks.reduce((max, t) => Math.max(max, t.ms), 0),
  };
}
