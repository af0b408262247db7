import './accounts.css';
import { useMemo, useState } from 'preact/hooks';
import type { Account, AccountDraft, AccountId } from '../../core/account';
import { draftFromFields, type DraftFields } from '../../core/draft';
import { AdvancedFields } from './AdvancedFields';
import { Alert, errorMessage } from '../components/Alert';
import { AppBar } from '../components/AppBar';
import { groupCode } from '../list/format-code';
import { useCodes } from '../list/useCodes';
import { FormFooter } from '../components/FormFooter';
import { DuplicateNote, useDraftSaver } from './DraftSaver';
import { t } from '../i18n/t';

interface Props {
  initial?: Partial<DraftFields>;
  /** Saved or cancelled. */
  onDone(): void;
  onBack(): void;
}

const EMPTY: DraftFields = {
  issuer: '',
  name: '',
  secret: '',
  type: 'totp',
  algorithm: 'SHA1',
  digits: '6',
  period: '30',
  counter: '0',
};

/** Fields whose problems are worth showing while typing; names are free text and never wrong. */
const CHECKED: ReadonlySet<keyof DraftFields> = new Set(['secret', 'type', 'algorithm', 'digits', 'period', 'counter']);

/**
 * Typing a key by hand: the fields are checked as you go with the engine's own messages, and the code the key
 * makes right now is previewed (live, with the corrected clock) so it can be compared with the service's. The
 * form is its own review: Save stores it.
 */
export function ManualForm({ initial, onDone, onBack }: Props) {
  const [fields, setFields] = useState<DraftFields>({ ...EMPTY, ...initial });
  const [touched, setTouched] = useState(false);
  let draft: AccountDraft | null = null;
  let problem: string | null = null;
  try {
    draft = draftFromFields(fields);
  } catch (e) {
    problem = errorMessage(e);
  }
  const saver = useDraftSaver(draft);
  const set = (key: keyof DraftFields) => (e: Event) => {
    if (CHECKED.has(key)) setTouched(true);
    setFields({ ...fields, [key]: (e.currentTarget as HTMLInputElement).value });
  };

  const key = draft ? JSON.stringify(draft) : '';
  const preview = useMemo<readonly Account[]>(
    () => (draft ? [{ ...draft, id: 'preview' as AccountId, createdAt: 0, updatedAt: 0, order: 0 }] : []),
    [key],
  );
  const code = useCodes(preview).get('preview')?.code ?? '';
  const showProblem = touched && problem;

  return (
    <main class="screen narrow">
      <AppBar title={t('list.manual')} onBack={onBack} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (draft) void saver.save().then((saved) => saved && onDone());
        }}
      >
        <label for="m-issuer">{t('fields.issuer')}</label>
        <input id="m-issuer" value={fields.issuer} onInput={set('issuer')} placeholder={t('manual.issuerExample')} />
        <label for="m-name">{t('fields.name')}</label>
        <input id="m-name" value={fields.name} onInput={set('name')} placeholder={t('manual.nameExample')} />
        <label for="m-secret">{t('fields.secret')}</label>
        <input
          id="m-secret"
          value={fields.secret}
          onInput={set('secret')}
          autocomplete="off"
          spellcheck={false}
          autocapitalize="characters"
          aria-invalid={showProblem ? 'true' : undefined}
          aria-describedby="m-secret-hint m-problem"
        />
        <p id="m-secret-hint" class="hint">
          {t('manual.secretHint')}
        </p>
        <details class="disclosure">
          <summary>{t('fields.advanced')}</summary>
          <AdvancedFields fields={fields} set={set} prefix="m" />
        </details>
        <div id="m-problem">{showProblem && <Alert message={problem} />}</div>
        <p class="preview">
          {code && draft && (
            <>
              {draft.type === 'hotp'
                ? t('manual.counterCode', { counter: String(draft.counter) })
                : t('manual.currentCode')}{' '}
              <span class="code">{groupCode(code)}</span>
            </>
          )}
        </p>
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
