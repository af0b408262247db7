import { errorMessage } from './Alert';
import { Observable } from '../../lib/observable';

export interface Toast {
  id: number;
  message: string;
  action?: string;
  /** Resolves true when the action was chosen, false when the toast timed out or was dismissed. */
  resolve: (acted: boolean) => void;
}

export const toasts = new Observable<Toast | null>(null);
let nextId = 1;

/**
 * A promise-returning snackbar (as in squoosh): `if (await showToast('Deleted', { action: 'Undo' })) undo()`.
 * A new toast replaces the old one, which resolves as not acted upon.
 */
export function showToast(message: string, { action, timeoutMs = 4000 }: { action?: string; timeoutMs?: number } = {}) {
  toasts.value?.resolve(false);
  return new Promise<boolean>((resolve) => {
    const id = nextId++;
    const done = (acted: boolean) => {
      clearTimeout(timer);
      if (toasts.value?.id === id) toasts.set(null);
      resolve(acted);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    toasts.set({ id, message, ...(action ? { action } : {}), resolve: done });
  });
}

/**
 * For actions fired without waiting (a toggle, a setting): a failure is said in a toast instead of becoming an
 * unhandled rejection nobody sees. The storage errors carry a sentence for the person.
 */
export function tellIfFails(work: Promise<unknown>): void {
  work.catch((error: unknown) => void showToast(errorMessage(error)));
}
