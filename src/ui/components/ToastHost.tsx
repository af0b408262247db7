import { toasts } from './toast';
import { useStore } from './useStore';

/** The live region that announces copies, saves and undo offers. Always in the DOM so announcements are heard. */
export function ToastHost() {
  const toast = useStore(toasts);
  return (
    <div class="toast-host" role="status" aria-live="polite">
      {toast && (
        <div class={toast.quiet ? 'visually-hidden' : 'toast'}>
          <span>{toast.message}</span>
          {toast.action && (
            <button type="button" onClick={() => toast.resolve(true)}>
              {toast.action}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
