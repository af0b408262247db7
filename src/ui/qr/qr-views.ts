/**
 * The QR routes' contract: which views exist and what a QR screen is given. QrRoutes (eager in the unlocked app)
 * and qr-screens (the lazy QR chunk) both import this module, and not each other.
 */
import type { QrContent } from '../../app/qr-text';
import type { Account } from '../../core/account';
import type { MigrationResult } from '../../formats/google-migration/payload';

/** The QR screens' views: their code, qr-scanner, qrcode and the migration decoder load when one opens (rule 7). */
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
  /** The flow is over: back to the list. */
  onDone(): void;
  /** One step back (the app bar's arrow, Cancel): where the screen was opened from. */
  onBack(): void;
}
