import type { QrRouteProps } from './qr-views';
import { Alert } from '../components/Alert';
import { useLazyModule } from '../components/lazy';

/** The QR screens, loaded with their libraries the first time one is opened (rule 7). */
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
