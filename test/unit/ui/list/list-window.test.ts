import { describe, expect, it } from 'vitest';
import { rowWindow, sameWindow, withRowsAfter, type ListGeometry } from '../../../../src/ui/list/list-window';

const phone: ListGeometry = { total: 1000, columns: 1, pitch: 80, top: 0, height: 800, overscan: 800 };

describe('rowWindow', () => {
  it.each<[string, Partial<ListGeometry>, { start: number; end: number; before: number; after: number }]>([
    // At the top: 10 lines on screen, 10 below; nothing above the list to stand in for.
    ['at the top', {}, { start: 0, end: 20, before: 0, after: 980 * 80 }],
    // The list starts 400 px down the page: fewer of its lines reach the screen.
    ['list below the header', { top: -400 }, { start: 0, end: 16, before: 0, after: 984 * 80 }],
    // Scrolled to line 100: lines 90 to 120 are rendered, snapped to multiples of 4.
    ['scrolled', { top: 8000 }, { start: 88, end: 120, before: 88 * 80, after: 880 * 80 }],
    ['at the end', { top: 1000 * 80 - 800 }, { start: 980, end: 1000, before: 980 * 80, after: 0 }],
    ['past the end (overscroll)', { top: 200_000 }, { start: 1000, end: 1000, before: 1000 * 80, after: 0 }],
    // Two rows a line: indexes are lines × 2, padding counts lines.
    ['two columns', { columns: 2, top: 8000 }, { start: 176, end: 240, before: 88 * 80, after: 380 * 80 }],
    ['odd count, two columns', { total: 7, columns: 2 }, { start: 0, end: 7, before: 0, after: 0 }],
    // No overscan (the first frame): just the lines on screen, snapped.
    ['no overscan', { top: 8000, overscan: 0 }, { start: 96, end: 112, before: 96 * 80, after: 888 * 80 }],
    ['empty list', { total: 0 }, { start: 0, end: 0, before: 0, after: 0 }],
    // A pitch not measured yet (0) must not divide by zero.
    ['zero pitch', { pitch: 0, total: 10 }, { start: 0, end: 10, before: 0, after: 0 }],
  ])('%s', (_, patch, expected) => {
    expect(rowWindow({ ...phone, ...patch })).toEqual(expected);
  });

  it('always covers the lines on screen, wherever the page is scrolled', () => {
    for (let top = -1000; top < 90_000; top += 37) {
      const win = rowWindow({ ...phone, top });
      const firstOnScreen = Math.max(0, Math.floor(top / 80));
      const lastOnScreen = Math.min(999, Math.floor((top + 800) / 80));
      if (firstOnScreen > 999) continue;
      expect(win.start).toBeLessThanOrEqual(firstOnScreen);
      expect(win.end).toBeGreaterThan(lastOnScreen);
      // Padding plus rendered lines is the whole list's height.
      expect(win.before + (win.end - win.start) * 80 + win.after).toBe(1000 * 80);
    }
  });
});

describe('sameWindow', () => {
  const a = { start: 0, end: 20, before: 0, after: 100 };
  it.each([
    [a, true],
    [{ ...a, end: 24 }, false],
    [{ ...a, after: 99 }, false],
  ])('%j', (b, same) => expect(sameWindow(a, b)).toBe(same));
});

describe('withRowsAfter', () => {
  const g = { ...phone, columns: 2, total: 100 };
  const win = { start: 0, end: 20, before: 0, after: 40 * 80 };
  it.each<[string, number, { start: number; end: number; before: number; after: number }]>([
    ['no focus', -1, win],
    ['focus well inside: unchanged', 5, win],
    // Row 18 is on line 9 (the last rendered): four more lines after it, so up to line 13.
    ['focus on the last line: four more lines', 18, { start: 0, end: 28, before: 0, after: 36 * 80 }],
    ['never past the end', 99, { start: 0, end: 100, before: 0, after: 0 }],
  ])('%s', (_, index, expected) => {
    expect(withRowsAfter(win, index, 4, g)).toEqual(expected);
  });
  it('leaves a window alone when focus is above it (scrolled away)', () => {
    const below = { start: 40, end: 60, before: 20 * 80, after: 20 * 80 };
    expect(withRowsAfter(below, 3, 4, g)).toBe(below);
  });
});
