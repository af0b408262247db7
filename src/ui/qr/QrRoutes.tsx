import type { QrContent } from '../../app/qr-text';
import type { Account } from '../../core/account';
import type { MigrationResult } from '../../formats/google-migration/payload';
import { Alert } from '../components/Alert';
import { useLazyModule } from '../components/lazy';

/** The QR screens. Their code (and qr-scanner, qrcode, the migration decoder) loads only when one is opened. */
export type QrView =
  | { name: 'scan' }
  | { name: 'qr-image'; file: Blob }
  | { name: 'migration'; first: MigrationResult; source: string }
  | { name: 'show-qr'; account: Account }
  | { name: 'new-secret' }
  | { name: 'export-transfer' };

const QR_VIEWS: ReadonlySet<string> = new Set<QrView['name']>([
  'scan',
  'qr-image',
  'migration',
  'show-qr',
  'new-secret',
  'export-transfer',
]);

/** QR screens that hold half-done work (an export being collected, a secret not yet saved). */
export const QR_FORM_VIEWS: readonly QrView['name'][] = ['scan', 'qr-image', 'migration', 'new-secret'];

export function isQrView(view: { name: string }): view is QrView {
  return QR_VIEWS.has(view.name);
}

export interface QrRouteProps {
  view: QrView;
  go(view: QrView): void;
  /** A decoded account or export part: App opens the review screen or the import review. */
  onContent(content: QrContent, source: string): void;
  /** Back to Add account with this message (no QR code found, not an account ...). */
  onFail(message: string): void;
  /** Back to the list. */
  onDone(): void;
  /** Back to Add account. */
  onAdd(): void;
}

const loadScreens = () => import('./qr-screens');

export function QrRoutes(props: QrRouteProps) {
  const screens = useLazyModule(loadScreens);
  if (screens === 'failed') {
    return (
      <main class="screen narrow">
        <Alert message="This part of Latchkey could not be loaded. Reload the page and try again." />
        <button type="button" onClick={props.onDone}>
          Back
        </button>
      </main>
    );
  }
  if (!screens) return <main class="screen narrow" aria-busy="true" />;
  return <screens.QrScreen {...props} />;
}
