import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { accountTitle, type Account, type AccountId } from '../../core/account';
import { errorMessage } from '../components/Alert';
import { useSession } from '../components/session-context';
import { Avatar } from './Avatar';
import { sortAccounts } from '../../app/organise';
import { moveWithinBlock, reconcile } from './reorder';
import { showToast } from '../components/toast';
import { t } from '../i18n/t';

/**
 * Arranging the custom order: a drag handle for pointers, Move up / Move down buttons for keyboards and screen
 * readers. Every move is saved at once (only the accounts whose position changed are rewritten).
 */
export function ReorderList({ accounts, onDone }: { accounts: readonly Account[]; onDone(): void }) {
  const session = useSession();
  const byId = useMemo(() => new Map(accounts.map((a) => [a.id, a] as const)), [accounts]);
  const [ids, setIds] = useState<readonly AccountId[]>(() => sortAccounts(accounts, 'custom').map((a) => a.id));
  const [announcement, setAnnouncement] = useState('');
  const [dragging, setDragging] = useState<AccountId | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const saving = useRef<Promise<void>>(Promise.resolve());
  const refocus = useRef<string | null>(null);
  const isFavorite = (id: AccountId) => !!byId.get(id)?.favorite;

  const shown = useMemo(() => {
    const present = reconcile(ids, [...byId.keys()]);
    // Stable sort: favourites stay above the rest even when one was pinned in another tab meanwhile.
    return present === ids ? ids : [...present].sort((a, b) => Number(isFavorite(b)) - Number(isFavorite(a)));
  }, [ids, byId]);

  useEffect(() => {
    const key = refocus.current;
    refocus.current = null;
    if (!key) return;
    // Moving a row moves its DOM node, and a moved node loses focus: put it back on the same button, or on its
    // sibling when the row reached the end of its block and that button is now disabled.
    const id = key.slice(0, key.lastIndexOf('|'));
    const row = list.current?.querySelector<HTMLElement>(`li[data-id="${CSS.escape(id)}"]`);
    const buttons = Array.from(row?.querySelectorAll<HTMLButtonElement>('button[data-move]') ?? []);
    (buttons.find((b) => b.dataset.move === key && !b.disabled) ?? buttons.find((b) => !b.disabled))?.focus();
  });

  function save(next: readonly AccountId[], moved: AccountId) {
    setIds(next);
    const position = next.indexOf(moved) + 1;
    setAnnouncement(`${accountTitle(byId.get(moved)!)} moved to position ${position} of ${next.length}.`);
    saving.current = saving.current
      .then(() => session.changes.reorder(next))
      .catch((e: unknown) => void showToast(errorMessage(e)));
  }

  // The list behind Done shows the session's saved order: a move still being saved would flash back for a moment.
  function done() {
    void saving.current.then(onDone);
  }

  function move(id: AccountId, delta: number) {
    const from = shown.indexOf(id);
    const next = moveWithinBlock(shown, isFavorite, from, from + delta);
    if (next === shown) return;
    refocus.current = `${id}|${delta < 0 ? 'up' : 'down'}`;
    save(next, id);
  }

  // Pointer drag: the row follows the pointer live; the new order is saved once, when the pointer is released.
  const drag = useRef<{ id: AccountId; start: readonly AccountId[]; current: readonly AccountId[] } | null>(null);
  function onPointerDown(e: PointerEvent, id: AccountId) {
    if (e.button !== 0) return;
    e.preventDefault();
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    drag.current = { id, start: shown, current: shown };
    setDragging(id);
  }
  function onPointerMove(e: PointerEvent) {
    const d = drag.current;
    if (!d || !list.current) return;
    const rows = Array.from(list.current.children) as HTMLElement[];
    // The target is how many other rows have their middle above the pointer.
    let target = 0;
    for (const row of rows) {
      if (row.dataset.id === d.id) continue;
      const box = row.getBoundingClientRect();
      if (box.top + box.height / 2 < e.clientY) target++;
    }
    const next = moveWithinBlock(d.current, isFavorite, d.current.indexOf(d.id), target);
    if (next !== d.current) {
      d.current = next;
      setIds(next);
    }
  }
  function onPointerEnd() {
    const d = drag.current;
    drag.current = null;
    setDragging(null);
    if (d && d.current !== d.start) save(d.current, d.id);
  }

  return (
    <section class="reorder" aria-labelledby="reorder-title">
      <div class="reorder-head">
        <h2 id="reorder-title">{t('reorder.title')}</h2>
        <button type="button" class="primary" onClick={done}>
          {t('reorder.done')}
        </button>
      </div>
      <p class="hint">{t('reorder.hint')}</p>
      <ol ref={list} class="accounts reorder-list" aria-label={t('reorder.title')}>
        {shown.map((id, index) => {
          const account = byId.get(id)!;
          const title = accountTitle(account);
          const [up, down] = [-1, 1].map((delta) => moveWithinBlock(shown, isFavorite, index, index + delta) === shown);
          return (
            <li key={id} data-id={id} class={`account${dragging === id ? ' dragging' : ''}`}>
              <span
                class="drag-handle"
                aria-hidden="true"
                title={t('reorder.drag')}
                onPointerDown={(e) => onPointerDown(e, id)}
                onPointerMove={onPointerMove}
                onPointerUp={onPointerEnd}
                onPointerCancel={onPointerEnd}
              >
                ⠿
              </span>
              <Avatar account={account} />
              <span class="names">
                <span class="issuer">{account.issuer || account.name || t('account.unnamed')}</span>
                {account.issuer && account.name && <span class="name">{account.name}</span>}
              </span>
              <button
                type="button"
                class="small"
                data-move={`${id}|up`}
                disabled={up}
                aria-label={t('reorder.up', { name: title })}
                onClick={() => move(id, -1)}
              >
                <span aria-hidden="true">↑</span>
              </button>
              <button
                type="button"
                class="small"
                data-move={`${id}|down`}
                disabled={down}
                aria-label={t('reorder.down', { name: title })}
                onClick={() => move(id, 1)}
              >
                <span aria-hidden="true">↓</span>
              </button>
            </li>
          );
        })}
      </ol>
      <p class="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
