import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Session } from '../../app/session/session';
import type { Snapshot } from '../../app/session/snapshot';
import { useStore } from './useStore';

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionContext.Provider>');
  return session;
}

/** Re-renders on every session snapshot. */
export function useSnapshot(): Snapshot {
  return useStore(useSession().state);
}
