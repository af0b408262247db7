import type { QrRouteProps } from './qr-views';
import { LoadFailure } from '../components/LoadFailure';
import { useLazyModule } from '../components/lazy';

/** The QR screens, loaded with their libraries the first time one is opened (rule 7). */
const loadScreens = () => import('./qr-screens');

export function QrRoutes(props: QrRouteProps) {
  const screens = useLazyModule(loadScreens);
  if (screens === 'failed') return <LoadFailure onBack={props.onDone} />;
  if (!screens) return <main class="screen narrow" aria-busy="true" />;
  return <screens.QrScreen {...props} />;
}
