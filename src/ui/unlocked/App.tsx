import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Account, AccountDraft } from '../../core/account';
import { accountTitle } from '../../core/account';
import { startAutoLock } from '../../app/auto-lock';
import { consumeLaunchIntent, type LaunchIntent } from '../../app/link';
import type { QrContent } from '../../app/qr-text';
import { copyText } from '../../platform/clipboard';
import { takeSharedImage } from '../../platform/share-target';
import type { AccountActions } from '../list/AccountItem';
import { AddScreen } from '../accounts/AddScreen';
import { errorMessage } from '../components/Alert';
import { ConfirmDelete } from '../accounts/ConfirmDelete';
import { useSession, useSnapshot } from '../components/session-context';
import { EditScreen } from '../accounts/EditScreen';
import { MainScreen } from '../list/MainScreen';
import { ManualForm } from '../accounts/ManualForm';
import { ReviewScreen } from '../accounts/ReviewScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { ToastHost } from '../components/ToastHost';
import { ScreenBoundary } from '../components/ScreenBoundary';
import { ReconfirmDialog } from '../components/ReconfirmDialog';
import { formOpen } from '../components/form-state';
import { InstallPrompt } from '../list/InstallPrompt';
import { Updates } from './Updates';
import { useImageIntake } from '../accounts/image-intake';
import { QrRoutes } from '../qr/QrRoutes';
import { QR_FORM_VIEWS, isQrView, type QrView } from '../qr/qr-views';
import { TransferSection } from '../settings/TransferSection';
import { BackupSection } from '../settings/BackupSection';
import { AutoBackupSection, useAutoBackup } from '../settings/AutoBackupSection';
import { BackupReminder } from '../list/BackupReminder';
import { ImportFileSection } from '../settings/ImportFileSection';
import { ImportReview } from '../settings/ImportReview';
import { OtherAppsExport } from '../settings/OtherAppsExport';
import type { ImportResult } from '../../formats/types';
import { showToast, tellIfFails } from '../components/toast';
import { setClockOffset } from '../list/ticker';

export type View =
  | { name: 'list' }
  | { name: 'add'; error?: string }
  | { name: 'manual' }
  | { name: 'review'; draft: AccountDraft; source: string }
  | { name: 'edit'; account: Account }
  | { name: 'delete'; account: Account }
  | QrView
  | { name: 'settings' }
  | { name: 'import'; result: ImportResult };

/** Screens that hold something half-entered: an update must not reload under them. */
export const FORM_VIEWS: ReadonlySet<View['name']> = new Set([
  'add',
  'manual',
  'review',
  'edit',
  'delete',
  ...QR_FORM_VIEWS,
  'import',
]);

export function App({ intent }: { intent: LaunchIntent }) {
  const session = useSession();
  const snapshot = useSnapshot();
  const { phase, settings } = snapshot;
  const [view, setView] = useState<View>({ name: 'list' });
  // Taken once: this component remounts after every lock and unlock, and must not reopen the launch link then.
  const [launch] = useState(() => consumeLaunchIntent(intent));
  const [pendingLink, setPendingLink] = useState(launch.addLink);
  const [pendingAction, setPendingAction] = useState(launch.action);
  const [linkError, setLinkError] = useState<string | null>(null);

  useEffect(() => setClockOffset(settings.clockOffsetMs), [settings.clockOffsetMs]);

  useEffect(() => {
    if (phase !== 'unlocked') return;
    return startAutoLock(
      () => session.state.value.settings.autoLockMinutes,
      () => session.lock(),
    );
  }, [phase, session]);

  useEffect(() => formOpen.set(FORM_VIEWS.has(view.name)), [view.name]);

  const autoBackup = useAutoBackup();
  useEffect(() => autoBackup.start(), [autoBackup]);

  // A link is read as soon as the vault is open; a bad one says why and saves nothing.
  useEffect(() => {
    if (phase !== 'unlocked' || !pendingLink) return;
    setPendingLink(null);
    openLink(pendingLink, 'From a link');
  }, [phase, pendingLink]);

  // The manifest's "Scan QR code" shortcut and images shared to the installed app, once the vault is open.
  useEffect(() => {
    if (phase !== 'unlocked' || !pendingAction) return;
    setPendingAction(null);
    if (pendingAction === 'scan') setView({ name: 'scan' });
    if (pendingAction === 'scan-shared') {
      void takeSharedImage().then((file) => {
        if (file) setView({ name: 'qr-image', file });
        else void showToast('The shared image was not received. Share it again.');
      });
    }
  }, [phase, pendingAction]);

  useImageIntake(phase === 'unlocked' && (view.name === 'list' || view.name === 'add'), (file) =>
    setView({ name: 'qr-image', file }),
  );

  function openContent(content: QrContent, source: string) {
    setView(
      content.kind === 'migration'
        ? { name: 'migration', first: content.part, source }
        : { name: 'review', draft: content.draft, source },
    );
  }

  /** otpauth:// opens the review; otpauth-migration:// (Google Authenticator's export) the import review. */
  function openLink(text: string, source: string) {
    setLinkError(null);
    // Every kind of QR code text and the migration decoder, loaded when a link is opened (rule 7).
    import('../../app/qr-text')
      .then(({ readQrText }) => readQrText(text, 'link'))
      .then(
        (content) => openContent(content, source),
        (e: unknown) => {
          setLinkError(errorMessage(e));
          setView({ name: 'add', error: errorMessage(e) });
        },
      );
  }

  const actions: AccountActions = useMemo(
    () => ({
      copy: async (account, code) => {
        const ok = await copyText(code, session.state.value.settings.clearClipboard ? { clearAfterMs: 30_000 } : {});
        void showToast(
          ok
            ? `Copied the code for ${accountTitle(account)}.`
            : 'Copying is not allowed here. Read the code from the screen.',
        );
        if (ok) tellIfFails(session.changes.recordUse(account.id));
      },
      nextCode: (account) => session.changes.nextHotp(account.id).catch((e) => void showToast(errorMessage(e))),
      showQr: (account) => setView({ name: 'show-qr', account }),
      edit: (account) => setView({ name: 'edit', account }),
      remove: (account) => setView({ name: 'delete', account }),
      toggleFavorite: (account) =>
        tellIfFails(session.changes.updateAccount(account.id, { favorite: !account.favorite })),
    }),
    [session],
  );

  async function confirmDelete(account: Account) {
    setView({ name: 'list' });
    try {
      const removed = await session.changes.removeAccount(account.id);
      if (await showToast(`Deleted ${accountTitle(account)}.`, { action: 'Undo', timeoutMs: 6000 })) {
        await session.changes.restoreAccount(removed);
      }
    } catch (e) {
      void showToast(errorMessage(e));
    }
  }

  const back = () => setView({ name: 'list' });

  return (
    <>
      {phase === 'unlocked' && (
        <>
          {view.name === 'list' && (
            <>
              {linkError && (
                <p role="alert" class="alert">
                  {linkError}
                </p>
              )}
              <BackupReminder onBackup={() => setView({ name: 'settings' })} />
              <InstallPrompt />
              <MainScreen
                actions={actions}
                onAdd={() => setView({ name: 'add' })}
                onSettings={() => setView({ name: 'settings' })}
              />
            </>
          )}
          <ScreenBoundary key={view.name} onBack={back}>
            {view.name === 'add' && (
              <AddScreen
                error={view.error ?? null}
                onScan={() => setView({ name: 'scan' })}
                onImage={(file) => setView({ name: 'qr-image', file })}
                onManual={() => setView({ name: 'manual' })}
                onNewSecret={() => setView({ name: 'new-secret' })}
                onLink={(text) => openLink(text, 'From a pasted link')}
                onCancel={back}
              />
            )}
            {view.name === 'manual' && (
              <ManualForm
                onCancel={back}
                onSubmit={(draft) => setView({ name: 'review', draft, source: 'Entered by hand' })}
              />
            )}
            {view.name === 'review' && <ReviewScreen draft={view.draft} source={view.source} onDone={back} />}
            {view.name === 'edit' && <EditScreen account={view.account} onDone={back} />}
            {isQrView(view) && (
              <QrRoutes
                view={view}
                go={setView}
                onContent={openContent}
                onFail={(error) => setView({ name: 'add', error })}
                onDone={back}
                onAdd={() => setView({ name: 'add' })}
              />
            )}
            {view.name === 'delete' && (
              <ConfirmDelete
                account={view.account}
                onCancel={back}
                onConfirm={() => void confirmDelete(view.account)}
              />
            )}
            {view.name === 'settings' && (
              <SettingsScreen onBack={back}>
                <BackupSection />
                <AutoBackupSection />
                <ImportFileSection onResult={(result) => setView({ name: 'import', result })} />
                <OtherAppsExport />
                <TransferSection onExport={() => setView({ name: 'export-transfer' })} />
              </SettingsScreen>
            )}
            {view.name === 'import' && <ImportReview result={view.result} onDone={back} />}
          </ScreenBoundary>
        </>
      )}
      <ReconfirmDialog />
      <Updates />
      <ToastHost />
    </>
  );
}
