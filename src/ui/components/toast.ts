import { errorMessage } from './Alert';
import { Observable } from '../../lib/observable';

export interface Toast {
  id: number;
  message: string;
  action?: string;
  /** Announced to screen readers only: the screen shows the same thing itself (a copied row says "Copied"). */
  quiet: boolean;
  /** Resolves true when the action was chosen, false when the toast timed out or was dismissed. */
  resolve: (acted: boolean) => void;
}

export const toasts = new Observable<Toast | null>(null);
let nextId = 1;

/**
 * A promise-returning snackbar (as in squoosh): `if (await showToast('Deleted', { action: 'Undo' })) undo()`.
 * A new toast replaces the old one, which resolves as not acted upon.
 */
export function showToast(
  message: string,
  { action, timeoutMs = 4000, quiet = false }: { action?: string; timeoutMs?: number; quiet?: boolean } = {},
) {
  toasts.value?.resolve(false);
  return new Promise<boolean>((resolve) => {
    const id = nextId++;
    const done = (acted: boolean) => {
      clearTimeout(timer);
      if (toasts.value?.id === id) toasts.set(null);
      resolve(acted);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    toasts.set({ id, message, quiet, ...(action ? { action } : {}), resolve: done });
  });
}

/**
 * For actions fired without waiting (a toggle, a setting): a failure is said in a toast instead of becoming an
 * unhandled rejection nobody sees. The storage errors carry a sentence for the person.
 */
export function tellIfFails(work: Promise<unknown>): void {
  work.catch((error: unknown) => void showToast(errorMessage(error)));
}

/** A new screen: what was said about the last one is not about this one (navigation.ts). */
export function clearToast(): void {
  toasts.value?.resolve(false);
}
