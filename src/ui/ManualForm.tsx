import { useEffect, useState } from 'preact/hooks';
import type { AccountDraft } from '../core/account';
import { draftFromFields, type DraftFields } from '../core/draft';
import { AdvancedFields } from './AdvancedFields';
import { useSession } from './context';
import { Alert, errorMessage } from './Alert';
import { groupCode } from './format-code';

interface Props {
  initial?: Partial<DraftFields>;
  onSubmit(draft: AccountDraft): void;
  onCancel(): void;
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

/** Typing a key by hand: every field is checked as you go, with the engine's own messages, and a code preview. */
export function ManualForm({ initial, onSubmit, onCancel }: Props) {
  const session = useSession();
  const [fields, setFields] = useState<DraftFields>({ ...EMPTY, ...initial });
  const [touched, setTouched] = useState(false);
  const [preview, setPreview] = useState('');
  let draft: AccountDraft | null = null;
  let problem: string | null = null;
  try {
    draft = draftFromFields(fields);
  } catch (e) {
    problem = errorMessage(e);
  }
  const set = (key: keyof DraftFields) => (e: Event) => {
    setTouched(true);
    setFields({ ...fields, [key]: (e.currentTarget as HTMLInputElement).value });
  };

  useEffect(() => {
    let cancelled = false;
    if (!draft) return setPreview('');
    const temp = { ...draft, id: 'preview', createdAt: 0, updatedAt: 0, order: 0 };
    void session.computeCodes([temp], Date.now()).then((codes) => {
      if (!cancelled) setPreview(codes.get('preview')?.code ?? '');
    });
    return () => {
      cancelled = true;
    };
    // The draft is derived from fields; recompute the preview when they change.
  }, [JSON.stringify(fields)]);

  return (
    <main class="screen narrow">
      <h1>Enter manually</h1>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (draft) onSubmit(draft);
        }}
      >
        <label for="m-issuer">Issuer</label>
        <input id="m-issuer" value={fields.issuer} onInput={set('issuer')} placeholder="e.g. GitHub" />
        <label for="m-name">Account name</label>
        <input id="m-name" value={fields.name} onInput={set('name')} placeholder="e.g. you@example.com" />
        <label for="m-secret">Secret key</label>
        <input
          id="m-secret"
          value={fields.secret}
          onInput={set('secret')}
          autocomplete="off"
          spellcheck={false}
          autocapitalize="characters"
          aria-invalid={touched && problem ? 'true' : undefined}
          aria-describedby="m-problem"
        />
        <details>
          <summary>Advanced</summary>
          <AdvancedFields fields={fields} set={set} prefix="m" />
        </details>
        <div id="m-problem">{touched && <Alert message={problem} />}</div>
        {preview && (
          <p class="preview" aria-live="polite">
            Current code: <span class="code">{groupCode(preview)}</span>
          </p>
        )}
        <div class="actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" class="primary">
            Continue
          </button>
        </div>
      </form>
    </main>
  );
}
