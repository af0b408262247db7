import { useState } from 'preact/hooks';
import { sameCodes, sameName, type AccountDraft, type AccountId } from '../../core/account';
import { useSession, useSnapshot } from '../components/session-context';
import { Alert } from '../components/Alert';
import { useAction } from '../components/useAction';
import { showToast } from '../components/toast';
import { FormFooter } from '../components/FormFooter';

interface Props {
  draft: AccountDraft;
  /** Where the account came from, said in the heading: "From a link", "From a QR code". */
  source: string;
  onDone(): void;
}

/** Check an account before it is saved: the names are editable, the rest is shown as read. */
export function ReviewScreen({ draft, source, onDone }: Props) {
  const session = useSession();
  const { accounts } = useSnapshot();
  const [issuer, setIssuer] = useState(draft.issuer);
  const [name, setName] = useState(draft.name);
  const { busy, error, run } = useAction();
  const edited: AccountDraft = { ...draft, issuer: issuer.trim(), name: name.trim() };
  const sameKey = accounts.find((a) => sameCodes(a, edited));
  const duplicate = sameKey ?? accounts.find((a) => sameName(a, edited));

  async function save(replaceId?: AccountId) {
    const saved = await run(() =>
      replaceId ? session.changes.replaceAccount(replaceId, edited) : session.changes.addAccounts([edited]),
    );
    if (!saved) return;
    void showToast(`Saved ${edited.issuer || edited.name || 'the account'}.`);
    onDone();
  }

  return (
    <main class="screen narrow">
      <h1>Add this account?</h1>
      <p class="hint">{source}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label for="review-issuer">Issuer</label>
        <input id="review-issuer" value={issuer} onInput={(e) => setIssuer(e.currentTarget.value)} />
        <label for="review-name">Account name</label>
        <input id="review-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <dl class="facts">
          <dt>Type</dt>
          <dd>{draft.type === 'steam' ? 'Steam' : draft.type.toUpperCase()}</dd>
          <dt>Digits</dt>
          <dd>{draft.digits}</dd>
          {draft.type === 'hotp' ? (
            <>
              <dt>Counter</dt>
              <dd>{draft.counter}</dd>
            </>
          ) : (
            <>
              <dt>Period</dt>
              <dd>{draft.period} seconds</dd>
            </>
          )}
          <dt>Algorithm</dt>
          <dd>{draft.algorithm}</dd>
        </dl>
        {duplicate && (
          <div class="warning" role="note">
            <p>
              You already have {duplicate.issuer || duplicate.name}
              {duplicate.issuer && duplicate.name ? ` (${duplicate.name})` : ''}
              {sameKey ? ' with the same secret key.' : ' with the same name.'}
            </p>
            <button type="button" disabled={busy} onClick={() => void save(duplicate.id)}>
              Replace it
            </button>
          </div>
        )}
        <Alert message={error} />
        <FormFooter submit={duplicate ? 'Save (keep both)' : 'Save'} busy={busy} onCancel={onDone} />
      </form>
    </main>
  );
}
