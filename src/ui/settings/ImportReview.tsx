import './settings.css';
import { useMemo, useRef, useState } from 'preact/hooks';
import { AppBar } from '../components/AppBar';
import { useRowWindow } from '../list/useRowWindow';
import { accountTitle, codesKey } from '../../core/account';
import type { ImportResult } from '../../formats/types';
import { useSession, useSnapshot } from '../components/session-context';
import { Alert } from '../components/Alert';
import { useAction } from '../components/useAction';
import { showToast } from '../components/toast';
import { t } from '../i18n/t';

interface Props {
  result: ImportResult;
  /** Imported: the list. */
  onDone(): void;
  /** Not imported: back where the file was chosen (the list when there is no such place). */
  onCancel?: () => void;
}

/**
 * Nothing is written until the user confirms: every account is listed, duplicates of existing accounts start
 * unchecked, unreadable entries are listed with the reason, and the checked ones are saved in one transaction.
 */
export function ImportReview({ result, onDone, onCancel = onDone }: Props) {
  const session = useSession();
  const { accounts: existing } = useSnapshot();
  const duplicates = useMemo(() => {
    const stored = new Set(existing.map(codesKey));
    return result.accounts.map((draft) => stored.has(codesKey(draft)));
  }, [result, existing]);
  const [checked, setChecked] = useState<boolean[]>(() => duplicates.map((dup) => !dup));
  const { busy, error, run } = useAction();
  const count = checked.filter(Boolean).length;
  // A file of thousands of accounts is listed as the main list is: only the rows near the screen are drawn.
  const list = useRef<HTMLUListElement>(null);
  const total = result.accounts.length;
  const { start, end, before, after, windowed } = useRowWindow(list, total);

  async function save() {
    if (!(await run(() => session.changes.addAccounts(result.accounts.filter((_, i) => checked[i]))))) return;
    void showToast(t('review.imported', { count }));
    onDone();
  }

  return (
    <main class="screen narrow">
      <AppBar title={t('review.title', { app: result.format })} onBack={onCancel} />
      <p>
        {t(duplicates.some(Boolean) ? 'review.foundDuplicates' : 'review.found', { count: result.accounts.length })}
      </p>
      <ul
        ref={list}
        class="import-list"
        aria-label={t('review.list')}
        style={windowed ? { paddingTop: `${before}px`, paddingBottom: `${after}px` } : undefined}
      >
        {result.accounts.slice(start, end).map((draft, offset) => {
          const i = start + offset;
          return (
            <li key={i} aria-posinset={windowed ? i + 1 : undefined} aria-setsize={windowed ? total : undefined}>
              <label class="check">
                <input
                  type="checkbox"
                  checked={checked[i]}
                  onChange={(e) => {
                    const next = [...checked];
                    next[i] = e.currentTarget.checked;
                    setChecked(next);
                  }}
                />
                <span>
                  {accountTitle(draft)}
                  {duplicates[i] && <span class="tag"> {t('review.already')}</span>}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {result.problems.length > 0 && (
        <section class="warning" aria-label={t('review.problems')}>
          <h2>{t('review.couldNotRead', { count: result.problems.length })}</h2>
          <ul>
            {result.problems.map((p, i) => (
              <li key={i}>{t('review.problem', { entry: p.entry, reason: p.reason })}</li>
            ))}
          </ul>
        </section>
      )}
      <Alert message={error} />
      <div class="actions">
        {/* Storing cannot be cancelled (all or nothing, rule 3), and a large import now lets clicks through. */}
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="button" class="primary" disabled={busy || count === 0} onClick={() => void save()}>
          {t('review.import', { count })}
        </button>
      </div>
    </main>
  );
}
