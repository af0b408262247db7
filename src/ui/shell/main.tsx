import { render } from 'preact';
import { Session } from '../../app/session/session';
import { takeLaunchIntent } from '../../app/link';
import { installWatcher } from '../../platform/install';
import { markDocumentVersion } from '../../platform/version';
import { watchForUpdates } from '../../platform/update-seen';
import { SessionContext } from '../components/session-context';
import { noFormOpen, onFormChange } from '../components/form-state';
import { Root, afterFirstScreen } from './Root';
import './styles.css';
import { takeVisitLanguage } from '../i18n/load';

// `?lang=` is for this visit only; read it before the launch URL is scrubbed.
takeVisitLanguage(location.search);
// Read (and scrub) the launch URL before anything else runs: an add= link carries a secret.
const intent = takeLaunchIntent();
const session = new Session();
void session.start();
markDocumentVersion();
watchForUpdates();
// Chromium may offer installation before the unlocked app (and its Install button) has loaded: keep the offer.
installWatcher();

render(
  <SessionContext.Provider value={session}>
    <Root intent={intent} />
  </SessionContext.Provider>,
  document.getElementById('app')!,
);

// Offline support and updates load after the first screen is drawn (rule 7): fetched earlier, they would compete
// with the first-run chunk and the storage check. An update applies on its own only when nothing is in use: the
// vault is locked and no form is open. Otherwise the Reload banner asks.
// An image shared to the app and never picked up holds a QR code in plain: gone once it is a few minutes old.
void afterFirstScreen
  .then(() => import('../../platform/share-target'))
  .then(({ dropStaleSharedImage }) => dropStaleSharedImage())
  .catch(() => undefined);

void afterFirstScreen.then(async () => {
  const { registerServiceWorker, applyUpdateIfIdle } = await import('../../platform/sw-bridge');
  // A half-typed password (the first-run and lock screens' too) holds an update back like an open form.
  const idle = () => session.state.value.phase !== 'unlocked' && noFormOpen();
  void registerServiceWorker({ canApplyNow: idle, noFormOpen });
  // A waiting update applies as soon as nothing is in use any more: the vault locks, or a form is emptied.
  session.state.subscribe((snapshot) => {
    if (snapshot.phase === 'locked') applyUpdateIfIdle();
  });
  onFormChange(() => {
    if (noFormOpen()) applyUpdateIfIdle();
  });
});
