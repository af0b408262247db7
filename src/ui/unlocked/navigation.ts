/**
 * The unlocked app's screens as browser history entries (views.ts has their addresses). Each entry's state holds
 * only a number and its depth below the list; the screen itself (which may hold an account) stays in this
 * module's memory and is dropped on Lock. The list is always the entry at depth 0, so Back from it leaves the app,
 * and Back from anywhere else returns where the person came from.
 */
import { Observable } from '../../lib/observable';
import { clearToast } from '../components/toast';
import { pathOf, viewFromPath, type View } from './views';
import { listAnchor, type ScrollAnchor } from '../list/restore-scroll';

interface Entry {
  n: number;
  depth: number;
}

const MARK = 'latchkey';
const views = new Map<number, View>();
/** The list's scroll position when it was left, by entry, to come back to the same place. */
const scrolls = new Map<number, ScrollAnchor>();
let counter = 0;
let current: Entry = { n: 0, depth: 0 };
/** Set by returnTo(): what to show once the history has stepped back. */
let pendingReturn: View | null = null;

export const currentView = new Observable<View>({ name: 'list' });

function entryOf(state: unknown): Entry | null {
  if (!state || typeof state !== 'object') return null;
  const s = state as Record<string, unknown>;
  return s[MARK] === true && typeof s.n === 'number' && typeof s.depth === 'number' ? { n: s.n, depth: s.depth } : null;
}

function stateOf(entry: Entry) {
  return { [MARK]: true, n: entry.n, depth: entry.depth };
}

function show(entry: Entry, view: View) {
  current = entry;
  views.set(entry.n, view);
  currentView.set(view);
}

/** Shows what the current entry holds, or what its address stands for; an entry whose data is gone goes home. */
function showEntry(entry: Entry) {
  const remembered = views.get(entry.n);
  const view = remembered ?? viewFromPath(location.pathname);
  if (!remembered && view.name === 'list' && entry.depth > 0) {
    // A screen whose data was dropped (Lock, reload): back to the list's own entry, not a list above others.
    current = entry;
    history.go(-entry.depth);
    return;
  }
  show(entry, view);
}

function onPopState(event: PopStateEvent) {
  const entry = entryOf(event.state);
  if (!entry) return;
  showEntry(entry);
  const returning = pendingReturn;
  pendingReturn = null;
  if (returning) (currentView.value.name === returning.name ? replace : go)(returning);
}

/** Binds the app to the history; returns the unbinding, for when the app closes (Lock). */
export function startNavigation(): () => void {
  history.scrollRestoration = 'manual';
  const here = entryOf(history.state);
  if (here) {
    counter = Math.max(counter, here.n);
    showEntry(here);
  } else {
    // A first visit, a typed address or a link: the list goes below, so Back returns to it.
    const view = viewFromPath(location.pathname);
    history.replaceState(stateOf({ n: 0, depth: 0 }), '', '/');
    show({ n: 0, depth: 0 }, { name: 'list' });
    if (view.name !== 'list') go(view);
  }
  addEventListener('popstate', onPopState);
  return () => {
    removeEventListener('popstate', onPopState);
    forgetData();
  };
}

/** Opens a screen as a new history entry. */
export function go(view: View): void {
  if (currentView.value.name === 'list') scrolls.set(current.n, listAnchor());
  clearToast(); // what was said about the last screen is not about this one
  const entry = { n: ++counter, depth: current.depth + 1 };
  history.pushState(stateOf(entry), '', pathOf(view));
  show(entry, view);
}

/** Changes what the current entry shows (an error on the add screen, say) without a new entry. */
export function replace(view: View): void {
  history.replaceState(stateOf(current), '', pathOf(view));
  show(current, view);
}

/** The way back at the top of a screen: where the person came from. */
export function back(): void {
  if (current.depth > 0) history.back();
  else replace({ name: 'list' });
}

/**
 * Steps back and shows `view` there: a picture with no QR code returns to Add account saying so, rather than
 * leaving the failed screen in the history to come back to.
 */
export function returnTo(view: View): void {
  if (current.depth === 0) return replace(view);
  pendingReturn = view;
  history.back();
}

/** After a flow ends (an account saved, an import done): the list, as it was left. */
export function home(): void {
  if (current.depth > 0) history.go(-current.depth);
  else replace({ name: 'list' });
}

/** The list's scroll position when it was left from this entry, if it was. */
export function savedScroll(): ScrollAnchor | undefined {
  return scrolls.get(current.n);
}

/** Lock: screens that hold an account, a draft or a file are forgotten; addresses alone remain. */
function forgetData(): void {
  for (const [n, view] of views) {
    if (viewFromPath(pathOf(view)).name !== view.name) views.delete(n);
  }
}
