import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { Session } from '../../app/session/session';
import type { Snapshot } from '../../app/session/snapshot';

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionContext.Provider>');
  return session;
}

/** Re-renders on every session snapshot. */
export function useSnapshot(): Snapshot {
  const session = useSession();
  const [snapshot, setSnapshot] = useState(session.state.value);
  useEffect(() => {
    setSnapshot(session.state.value);
    return session.state.subscribe(setSnapshot);
  }, [session]);
  return snapshot;
}
