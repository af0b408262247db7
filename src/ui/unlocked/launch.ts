import { useEffect, useState } from 'preact/hooks';
import { consumeLaunchIntent, type LaunchIntent } from '../../app/link';
import type { QrContent } from '../../app/qr-text';
import { takeSharedImage } from '../../platform/share-target';
import { errorMessage } from '../components/Alert';
import { pendingImport } from '../components/pending-import';
import { showToast } from '../components/toast';
import { currentView, go, replace } from './navigation';
import { t } from '../i18n/t';

/** otpauth:// opens the review; otpauth-migration:// (Google Authenticator's export) the collector of its parts. */
export function openContent(content: QrContent, source: string): void {
  const view =
    content.kind === 'migration'
      ? ({ name: 'migration', first: content.part, source } as const)
      : ({ name: 'review', draft: content.draft, source } as const);
  // A picture is read once: Back from its review goes where the picture came from, not to reading it again.
  if (currentView.value.name === 'qr-image') replace(view);
  else go(view);
}

/** A pasted or opened link: read, then reviewed; a bad one opens Add account saying why, and saves nothing. */
export function openLink(text: string, source: string): void {
  // Every kind of QR code text and the migration decoder, loaded when a link is opened (rule 7).
  import('../../app/qr-text')
    .then(({ readQrText }) => readQrText(text, 'link'))
    .then(
      (content) => openContent(content, source),
      (e: unknown) => {
        const view = { name: 'add', error: errorMessage(e) } as const;
        if (currentView.value.name === 'add') replace(view);
        else go(view);
      },
    );
}

/**
 * What the app was opened for, once the vault is open: a link, the manifest's "Scan QR code" shortcut, an image
 * shared to the installed app, or the accounts of a backup restored on the first run. Taken once: App remounts
 * after every lock and unlock, and must not reopen them then.
 */
export function useLaunch(intent: LaunchIntent): void {
  const [launch] = useState(() => consumeLaunchIntent(intent));
  useEffect(() => {
    const restored = pendingImport.value;
    if (restored) {
      pendingImport.set(null);
      go({ name: 'import', result: restored });
    }
    if (launch.addLink) openLink(launch.addLink, t('source.link'));
    if (launch.action === 'scan') go({ name: 'scan' });
    if (launch.action === 'scan-shared') {
      void takeSharedImage().then((file) => {
        if (file) go({ name: 'qr-image', file });
        else void showToast(t('toast.sharedImageMissing'));
      });
    }
  }, []);
}
