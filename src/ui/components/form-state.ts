import { Observable } from '../../lib/observable';

/**
 * Whether a screen with half-entered data is open (adding, editing, reviewing an import). The service-worker
 * bridge reads it: an update may reload the page on its own only when nothing would be lost.
 */
export const formOpen = new Observable(false);
