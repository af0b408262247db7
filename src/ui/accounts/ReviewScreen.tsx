import './accounts.css';
import { useState } from 'preact/hooks';
import type { AccountDraft } from '../../core/account';
import { Alert } from '../components/Alert';
import { AppBar } from '../components/AppBar';
import { FormFooter } from '../components/FormFooter';
import { DuplicateNote, useDraftSaver } from './DraftSaver';
import { t } from '../i18n/t';

interface Props {
  draft: AccountDraft;
  /** Where the account came from, said under the heading: "From a link", "From a QR code". */
  source: string;
  /** Saved or cancelled: the adding is over. */
  onDone(): void;
  /** One step back (the app bar's arrow): the add screen or the scanner it came from. */
  onBack(): void;
}

/** Check an account from a link or a QR code before it is saved: the names are editable, the rest is shown as read. */
export function ReviewScreen({ draft, source, onDone, onBack }: Props) {
  const [issuer, setIssuer] = useState(draft.issuer);
  const [name, setName] = useState(draft.name);
  const edited: AccountDraft = { ...draft, issuer: issuer.trim(), name: name.trim() };
  const saver = useDraftSaver(edited);

  return (
    <main class="screen narrow">
      <AppBar title={t('review.addTitle')} onBack={onBack} />
      <p class="hint">{source}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void saver.save().then((saved) => saved && onDone());
        }}
      >
        <label for="review-issuer">{t('fields.issuer')}</label>
        <input id="review-issuer" value={issuer} onInput={(e) => setIssuer(e.currentTarget.value)} />
        <label for="review-name">{t('fields.name')}</label>
        <input id="review-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <dl class="facts">
          <dt>{t('fields.type')}</dt>
          <dd>{draft.type === 'steam' ? 'Steam' : draft.type.toUpperCase()}</dd>
          <dt>{t('fields.digits')}</dt>
          <dd>{draft.digits}</dd>
          {draft.type === 'hotp' ? (
            <>
              <dt>{t('fields.counter')}</dt>
              <dd>{draft.counter}</dd>
            </>
          ) : (
            <>
              <dt>{t('fields.period')}</dt>
              <dd>{t('review.seconds', { count: draft.period })}</dd>
            </>
          )}
          <dt>{t('fields.algorithm')}</dt>
          <dd>{draft.algorithm}</dd>
        </dl>
        <DuplicateNote saver={saver} onSaved={onDone} />
        <Alert message={saver.error} />
        <FormFooter
          submit={saver.duplicate ? t('save.keepBoth') : t('save.save')}
          busy={saver.busy}
          onCancel={onDone}
        />
      </form>
    </main>
  );
}
