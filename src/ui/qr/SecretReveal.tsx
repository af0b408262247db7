import { useState } from 'preact/hooks';
import { groupSecret } from '../../app/new-secret';

/** The secret key as text, hidden until asked for: a QR code on screen is enough for most moves. */
export function SecretReveal({ secret }: { secret: string }) {
  const [shown, setShown] = useState(false);
  return (
    <div class="secret-reveal">
      <button type="button" aria-expanded={shown} aria-controls="revealed-secret" onClick={() => setShown(!shown)}>
        {shown ? 'Hide secret' : 'Reveal secret'}
      </button>
      {shown && (
        <p id="revealed-secret">
          Secret key: <code class="secret-text">{groupSecret(secret)}</code>
        </p>
      )}
    </div>
  );
}
