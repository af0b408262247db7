import { APP_VERSION } from '../../platform/version';
import { useSnapshot } from '../components/session-context';
import { t } from '../i18n/t';

/** Settings → About: which Latchkey this is, how safe its storage is, and what it never does. */
export function AboutSettings() {
  const { persistence } = useSnapshot();
  return (
    <>
      <section class="card">
        <h2>Latchkey {APP_VERSION}</h2>
        <p>{t('about.what')}</p>
      </section>
      <section class="card">
        <h2>{t('about.storage')}</h2>
        <p id="persistence">{t(`about.${persistence}`)}</p>
      </section>
    </>
  );
}
