import type { Persistence } from '../../app/session/snapshot';
import { APP_VERSION } from '../../platform/version';
import { useSnapshot } from '../components/session-context';

const PERSISTENCE_TEXT: Record<Persistence, string> = {
  granted: 'Persistent: the browser will not clear Latchkey’s data to free space.',
  denied:
    'Not persistent: the browser may clear Latchkey’s data when space runs low. Install Latchkey to the home screen and keep a backup.',
  unsupported: 'This browser cannot promise to keep the data. Keep a backup.',
  unknown: 'Checking…',
};

/** Settings → About: which Latchkey this is, how safe its storage is, and what it never does. */
export function AboutSettings() {
  const { persistence } = useSnapshot();
  return (
    <>
      <section class="card">
        <h2>Latchkey {APP_VERSION}</h2>
        <p>
          An authenticator that runs in your browser, offline. Your accounts are encrypted on this device with your
          password; nothing is sent anywhere.
        </p>
      </section>
      <section class="card">
        <h2>Storage</h2>
        <p id="persistence">{PERSISTENCE_TEXT[persistence]}</p>
      </section>
    </>
  );
}
