import { Observable } from '../../lib/observable';

/**
 * Whether a screen with half-entered data is open (adding, editing, reviewing an import). The service-worker
 * bridge reads it (through `noFormOpen`): an update may reload the page on its own only when nothing would be lost.
 */
export const formOpen = new Observable(false);

/** How many password fields hold typed text, on any screen (PasswordField counts itself). */
export const typedPasswords = new Observable(0);

/** True when a reload loses nothing typed: no form screen is open and no password field holds text. */
export function noFormOpen(): boolean {
  return !formOpen.value && typedPasswords.value === 0;
}

/** Calls `listener` whenever `noFormOpen()` may have changed; returns the unsubscribe function. */
export function onFormChange(listener: () => void): () => void {
  const stops = [formOpen.subscribe(listener), typedPasswords.subscribe(listener)];
  return () => stops.forEach((stop) => stop());
}
