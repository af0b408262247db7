import { useCallback, useState } from 'preact/hooks';
import { errorMessage } from './Alert';

export interface Action {
  busy: boolean;
  error: string | null;
  setError(message: string | null): void;
  /** Runs the work once at a time; a thrown error becomes the message to show. Resolves true on success. */
  run(work: () => Promise<unknown>): Promise<boolean>;
}

/** The busy flag and error message every form needs around its one asynchronous action. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
