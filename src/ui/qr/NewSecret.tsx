import { useState } from 'preact/hooks';
import { AppBar } from '../components/AppBar';
import { checkCode, generateSecret, groupSecret, type CodeCheck } from '../../app/new-secret';
import type { RandomSource } from '../../core/bytes';
import { ALGORITHMS, type AccountDraft, type Algorithm } from '../../core/account';
import { draftFromFields } from '../../core/draft';
import { formatOtpauth } from '../../core/uri';
import { copyText } from '../../platform/clipboard';
import { Alert, errorMessage } from '../components/Alert';
import { QrImage } from './QrImage';
import { showToast } from '../components/toast';
import { useSnapshot } from '../components/session-context';
import { t } from '../i18n/t';

interface Props {
  onSave(draft: AccountDraft): void;
  onCancel(): void;
  random?: RandomSource;
  now?: () => number;
}

interface Fields {
  issuer: string;
  name: string;
  algorithm: Algorithm;
  digits: string;
  period: string;
}

/**
 * For people building two-factor login: a random 160-bit key with its Base32 form, otpauth link and QR code, and
 * a check of a typed code the way a server should (RFC 6238 §5.2: this step or one either side).
 */
export function NewSecret({ onSave, onCancel, random, now = Date.now }: Props) {
  const [secret, setSecret] = useState(() => generateSecret(random));
  const [fields, setFields] = useState<Fields>({ issuer: '', name: '', algorithm: 'SHA1', digits: '6', period: '30' });
  const [code, setCode] = useState('');
  const [check, setCheck] = useState<CodeCheck | null>(null);
  let draft: AccountDraft | null = null;
  let problem: string | null = null;
  try {
    draft = draftFromFields({ ...fields, secret, type: 'totp', counter: '0' });
  } catch (e) {
    problem = errorMessage(e);
  }
  const uri = draft ? formatOtpauth(draft) : '';
  const set = (key: keyof Fields) => (e: Event) => {
    setFields({ ...fields, [key]: (e.currentTarget as HTMLInputElement).value });
    setCheck(null);
  };
  const { clearClipboard } = useSnapshot().settings;
  // Honours clipboard clearing like a code's copy: a new secret is as sensitive as a stored one.
  const copy = async (text: string, what: string) =>
    void showToast(
      (await copyText(text, clearClipboard ? { clearAfterMs: 30_000 } : {}))
        ? t('newSecret.copied', { what })
        : t('newSecret.copyBlocked'),
    );

  return (
    <main class="screen narrow">
      <AppBar title={t('tools.newSecret')} onBack={onCancel} />
      <p>{t('newSecret.intro')}</p>
      <label for="ns-issuer">{t('fields.issuer')}</label>
      <input id="ns-issuer" value={fields.issuer} onInput={set('issuer')} placeholder={t('newSecret.issuerExample')} />
      <label for="ns-name">{t('fields.name')}</label>
      <input id="ns-name" value={fields.name} onInput={set('name')} placeholder={t('newSecret.nameExample')} />
      <label for="ns-algorithm">{t('fields.algorithm')}</label>
      <select id="ns-algorithm" value={fields.algorithm} onChange={set('algorithm')}>
        {ALGORITHMS.map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </select>
      <label for="ns-digits">{t('fields.digits')}</label>
      <select id="ns-digits" value={fields.digits} onChange={set('digits')}>
        {['6', '7', '8'].map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
      <label for="ns-period">{t('fields.period')}</label>
      <input id="ns-period" inputMode="numeric" value={fields.period} onInput={set('period')} />
      <Alert message={problem} />
      {draft && (
        <>
          <dl class="facts">
            <dt>{t('newSecret.secret')}</dt>
            <dd>
              <code class="secret-text">{groupSecret(secret)}</code>
            </dd>
            <dt>{t('newSecret.link')}</dt>
            <dd>
              <code class="uri">{uri}</code>
            </dd>
          </dl>
          <div class="actions">
            <button type="button" onClick={() => void copy(secret, t('newSecret.secretWord'))}>
              {t('newSecret.copySecret')}
            </button>
            <button type="button" onClick={() => void copy(uri, t('newSecret.linkWord'))}>
              {t('newSecret.copyLink')}
            </button>
          </div>
          <QrImage
            text={uri}
            alt={fields.issuer ? t('newSecret.altOf', { issuer: fields.issuer }) : t('newSecret.alt')}
          />
          <form
            class="card"
            onSubmit={(e) => {
              e.preventDefault();
              void checkCode(draft!, code, now()).then(setCheck);
            }}
          >
            <label for="ns-check">{t('newSecret.checkLabel')}</label>
            <input
              id="ns-check"
              inputMode="numeric"
              autocomplete="off"
              value={code}
              onInput={(e) => {
                setCode(e.currentTarget.value);
                setCheck(null);
              }}
            />
            <button type="submit" disabled={!code.trim()}>
              {t('newSecret.check')}
            </button>
            {check && (
              <p role="status" class={check.matched ? 'match' : 'no-match'}>
                {check.message}
              </p>
            )}
          </form>
        </>
      )}
      <div class="actions">
        <button
          type="button"
          onClick={() => {
            setSecret(generateSecret(random));
            setCheck(null);
          }}
        >
          {t('newSecret.another')}
        </button>
        <button type="button" class="primary" disabled={!draft} onClick={() => draft && onSave(draft)}>
          {t('newSecret.save')}
        </button>
      </div>
    </main>
  );
}
