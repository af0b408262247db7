import type { Session } from '../../app/session/session';
import { AddScreen } from '../accounts/AddScreen';
import { ConfirmDelete } from '../accounts/ConfirmDelete';
import { EditScreen } from '../accounts/EditScreen';
import { ManualForm } from '../accounts/ManualForm';
import { ReviewScreen } from '../accounts/ReviewScreen';
import { ScreenBoundary } from '../components/ScreenBoundary';
import { MainScreen } from '../list/MainScreen';
import { QrRoutes } from '../qr/QrRoutes';
import { isQrView } from '../qr/qr-views';
import { ImportReview } from '../settings/ImportReview';
import { SettingsPage } from '../settings/SettingsPage';
import { SettingsScreen } from '../settings/SettingsScreen';
import { deleteAccount, useAccountActions } from './account-actions';
import { openContent, openLink } from './launch';
import { back, go, home, returnTo, savedScroll } from './navigation';
import type { View } from './views';
import { t } from '../i18n/t';

/** The screen for a view; every way between screens goes through navigation.ts, so Back always agrees. */
export function Screens({ view, session }: { view: View; session: Session }) {
  const actions = useAccountActions(session);
  const importFrom = { name: 'settings-section', section: 'transfer' } as const;
  return (
    <ScreenBoundary key={view.name} onBack={home}>
      {view.name === 'list' && (
        <MainScreen
          actions={actions}
          scrollTo={savedScroll()}
          onAdd={() => go({ name: 'add' })}
          onScan={() => go({ name: 'scan' })}
          onManual={() => go({ name: 'manual' })}
          onImport={() => go(importFrom)}
          onSettings={() => go({ name: 'settings' })}
          onBackup={() => go({ name: 'settings-section', section: 'backup' })}
        />
      )}
      {view.name === 'add' && (
        <AddScreen
          error={view.error ?? null}
          onScan={() => go({ name: 'scan' })}
          onImage={(file) => go({ name: 'qr-image', file })}
          onManual={() => go({ name: 'manual' })}
          onImport={() => go(importFrom)}
          onLink={(text) => openLink(text, t('source.pastedLink'))}
          onBack={back}
        />
      )}
      {view.name === 'manual' && <ManualForm onDone={home} onBack={back} />}
      {view.name === 'review' && <ReviewScreen draft={view.draft} source={view.source} onDone={home} onBack={back} />}
      {view.name === 'edit' && <EditScreen account={view.account} onDone={back} />}
      {view.name === 'delete' && (
        <ConfirmDelete
          account={view.account}
          onCancel={back}
          onConfirm={() => void deleteAccount(session, view.account)}
        />
      )}
      {isQrView(view) && (
        <QrRoutes
          view={view}
          go={go}
          onContent={openContent}
          onFail={(error) => returnTo({ name: 'add', error })}
          onDone={home}
          onBack={back}
        />
      )}
      {view.name === 'settings' && (
        <SettingsScreen onOpen={(section) => go({ name: 'settings-section', section })} onBack={back} />
      )}
      {view.name === 'settings-section' && (
        <SettingsPage
          section={view.section}
          onBack={back}
          onImportResult={(result) => go({ name: 'import', result })}
          onExportTransfer={() => go({ name: 'export-transfer' })}
          onNewSecret={() => go({ name: 'new-secret' })}
        />
      )}
      {view.name === 'import' && <ImportReview result={view.result} onDone={home} onCancel={back} />}
    </ScreenBoundary>
  );
}
