import type { AccountId } from '../../core/account';
import type { DamagedRecord } from '../../app/session/snapshot';
import { useSession } from '../components/session-context';
import { tellIfFails } from '../components/toast';
import { t } from '../i18n/t';

/**
 * What unlocking found wrong in storage, each named, with what can be done: an account held back (an older copy,
 * a deleted one come back) is kept or deleted; a missing or unreadable one is removed from the list.
 */
export function StorageProblems({ problems }: { problems: readonly DamagedRecord[] }) {
  const session = useSession();
  const resolve = (id: string, answer: 'keep' | 'delete') =>
    tellIfFails(session.changes.resolve(id as AccountId, answer));
  return (
    <>
      {problems.map((problem) => (
        <div key={problem.id} role="alert" class="alert problem">
          <p>{problem.message}</p>
          {(problem.kind === 'older-copy' || problem.kind === 'returned') && (
            <div class="actions">
              <button type="button" onClick={() => resolve(problem.id, 'keep')}>
                {t('problem.keep')}
              </button>
              <button type="button" class="danger" onClick={() => resolve(problem.id, 'delete')}>
                {t('problem.delete')}
              </button>
            </div>
          )}
          {(problem.kind === 'missing' || (problem.kind === 'unreadable' && problem.id !== 'state')) && (
            <div class="actions">
              <button type="button" class="danger" onClick={() => resolve(problem.id, 'delete')}>
                {t('problem.remove')}
              </button>
            </div>
          )}
        </div>
      ))}
    </>
  );
}
