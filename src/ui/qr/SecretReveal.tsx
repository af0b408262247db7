import { useState } from 'preact/hooks';
import { groupSecret } from '../../app/new-secret';
import { t } from '../i18n/t';

/** The secret key as text, hidden until asked for: a QR code on screen is enough for most moves. */
export function SecretReveal({ secret }: { secret: string }) {
  const [shown, setShown] = useState(false);
  return (
    <div class="secret-reveal">
      <button type="button" aria-expanded={shown} aria-controls="revealed-secret" onClick={() => setShown(!shown)}>
        {shown ? t('secret.hide') : t('secret.reveal')}
      </button>
      {shown && (
        <p id="revealed-secret">
          {t('secret.label')} <code class="secret-text">{groupSecret(secret)}</code>
        </p>
      )}
    </div>
  );
}
