/** The QR screens, in one lazily loaded chunk (QrRoutes imports this file with import()). */
import './qr.css';
import type { QrRouteProps } from './qr-views';
import { ExportTransfer } from './ExportTransfer';
import { ImageReader } from './ImageReader';
import { MigrationCollector } from './MigrationCollector';
import { NewSecret } from './NewSecret';
import { ScanScreen } from './ScanScreen';
import { ShowQr } from './ShowQr';
import { t } from '../i18n/t';

export function QrScreen({ view, go, onContent, onFail, onDone, onBack }: QrRouteProps) {
  switch (view.name) {
    case 'scan':
      return <ScanScreen onContent={onContent} onImage={(file) => go({ name: 'qr-image', file })} onCancel={onBack} />;
    case 'qr-image':
      return <ImageReader file={view.file} onContent={onContent} onFail={onFail} onCancel={onBack} />;
    case 'migration':
      return <MigrationCollector first={view.first} source={view.source} onDone={onDone} />;
    case 'show-qr':
      return <ShowQr account={view.account} onDone={onBack} />;
    case 'new-secret':
      return (
        <NewSecret onSave={(draft) => onContent({ kind: 'account', draft }, t('source.newSecret'))} onCancel={onBack} />
      );
    case 'export-transfer':
      return <ExportTransfer onDone={onBack} />;
  }
}
