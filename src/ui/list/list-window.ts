/**
 * Which rows of a long account list to render. Every row in the DOM costs the browser work on every frame (the
 * 1 Hz countdown, a code refresh, a scroll), even when `content-visibility` skips drawing it: with 1,000 rows a
 * countdown tick cost 12 ms. So past WINDOW_ABOVE rows the list renders only the lines near the viewport, with
 * padding standing in for the lines above and below. Shorter lists (most people's) stay whole, which keeps
 * find-in-page and a screen reader's browse mode over every account.
 */
export const WINDOW_ABOVE = 100;

/** Lines are added and dropped this many at a time, so a slow scroll re-renders the list every few lines only. */
const SNAP_LINES = 4;

export interface ListGeometry {
  /** Rows in the list. */
  total: number;
  /** Rows per line: 1 on a phone, more in the wide grid. */
  columns: number;
  /** Pixels from the top of one line to the top of the next (row height plus the gap), measured. */
  pitch: number;
  /** Top of the viewport, in pixels from the top of the list's first line (negative while the list is below it). */
  top: number;
  /** Height of the viewport in pixels. */
  height: number;
  /** Pixels rendered beyond the viewport above and below it (at least a line). */
  overscan: number;
}

export interface RowWindow {
  /** Index of the first rendered row (always the start of a line). */
  start: number;
  /** Index after the last rendered row. */
  end: number;
  /** Pixels of padding standing in for the lines above and below the rendered ones. */
  before: number;
  after: number;
}

/** The rows to render: the lines in the viewport plus `overscan` pixels of lines above and below it. */
export function rowWindow({ total, columns, pitch, top, height, overscan: extra }: ListGeometry): RowWindow {
  const perLine = Math.max(1, Math.floor(columns));
  const linePitch = pitch > 0 ? pitch : 1;
  const lines = Math.ceil(total / perLine);
  const overscan = Math.max(extra, linePitch);
  const rawFirst = Math.floor((top - overscan) / linePitch);
  const rawLast = Math.ceil((top + height + overscan) / linePitch);
  const first = clamp(Math.floor(rawFirst / SNAP_LINES) * SNAP_LINES, 0, lines);
  const last = clamp(Math.ceil(rawLast / SNAP_LINES) * SNAP_LINES, first, lines);
  return {
    start: first * perLine,
    end: Math.min(total, last * perLine),
    before: first * linePitch,
    after: (lines - last) * linePitch,
  };
}

/**
 * Extends a window so that it also renders `lines` lines past row `index` (the focused row): Tab moves focus
 * faster than scrolling renders new rows, and focus must never run off the end of the rendered rows.
 */
export function withRowsAfter(win: RowWindow, index: number, lines: number, g: ListGeometry): RowWindow {
  const perLine = Math.max(1, Math.floor(g.columns));
  const totalLines = Math.ceil(g.total / perLine);
  const endLine = Math.ceil(win.end / perLine);
  const wanted = Math.min(totalLines, Math.floor(index / perLine) + 1 + lines);
  if (index < win.start || wanted <= endLine) return win;
  const pitch = g.pitch > 0 ? g.pitch : 1;
  return { ...win, end: Math.min(g.total, wanted * perLine), after: (totalLines - wanted) * pitch };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Whether two windows render the same rows with the same padding (then the list need not re-render). */
export function sameWindow(a: RowWindow, b: RowWindow): boolean {
  return a.start === b.start && a.end === b.end && a.before === b.before && a.after === b.after;
}
