import { useEffect } from 'preact/hooks';
import '../i18n/uses-app';
import { startAutoLock } from '../../app/auto-lock';
import { startSync } from '../../app/sync/start';
import type { LaunchIntent } from '../../app/link';
import { useImageIntake } from '../accounts/image-intake';
import { useSession, useSnapshot } from '../components/session-context';
import { ToastHost } from '../components/ToastHost';
import { ReconfirmDialog } from '../components/ReconfirmDialog';
import { formOpen } from '../components/form-state';
import { useStore } from '../components/useStore';
import { useAutoBackup } from '../settings/AutoBackupSection';
import { setClockOffset } from '../list/ticker';
import { useLaunch } from './launch';
import { currentView, go, startNavigation } from './navigation';
import { Screens } from './Screens';
import { Updates } from './Updates';
import { FORM_VIEWS } from './views';

/**
 * The unlocked app: mounted at unlock, unmounted at Lock (which drops every screen's data, navigation.ts). It binds
 * the history, starts what runs while the vault is open, and shows the current screen.
 */
export function App({ intent }: { intent: LaunchIntent }) {
  const session = useSession();
  const { settings } = useSnapshot();
  const view = useStore(currentView);

  // Before anything opens a screen (useLaunch below): the history decides where the app starts.
  useEffect(() => startNavigation(), []);
  useLaunch(intent);

  useEffect(() => setClockOffset(settings.clockOffsetMs), [settings.clockOffsetMs]);
  useEffect(
    () =>
      startAutoLock(
        () => session.state.value.settings.autoLockMinutes,
        () => session.lock(),
      ),
    [session],
  );
  useEffect(() => formOpen.set(FORM_VIEWS.has(view.name)), [view.name]);

  const autoBackup = useAutoBackup();
  useEffect(() => autoBackup.start(), [autoBackup]);
  // Sync, for a vault that syncs: loaded now, stopped at Lock (app/sync/start.ts).
  useEffect(() => startSync(session), [session]);

  useImageIntake(view.name === 'list' || view.name === 'add', (file) => go({ name: 'qr-image', file }));

  return (
    <>
      <Screens view={view} session={session} />
      <ReconfirmDialog />
      <Updates />
      <ToastHost />
    </>
  );
}
