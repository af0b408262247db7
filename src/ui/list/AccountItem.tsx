import { memo } from 'preact/compat';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { accountTitle, codeVersion, type Account } from '../../core/account';
import { AccountMenu } from './AccountMenu';
import type { CodeStore } from './code-store';
import { Countdown } from './Countdown';
import { Avatar } from './Avatar';
import { groupCode } from './format-code';
import { Pencil, Pin, PinOff, QrCode, RotateCw, Star, Trash2 } from '../components/icons';
import { t } from '../i18n/t';

export interface AccountActions {
  /** Resolves true once the code is on the clipboard (the row then says so itself). */
  copy(account: Account, code: string): Promise<boolean>;
  /** Resolves once the new counter is stored (the row ignores further taps until then). */
  nextCode(account: Account): void | Promise<void>;
  showQr(account: Account): void;
  edit(account: Account): void;
  remove(account: Account): void;
  toggleFavorite(account: Account): void;
}

interface Props {
  account: Account;
  /** Where the row reads its live code; the row paints it itself, so a new code does not re-render the row. */
  codes: CodeStore;
  actions: AccountActions;
  showNext: boolean;
  hidden: boolean;
  onReveal(account: Account): void;
  /** Where the row stands (1-based) in a windowed list, of how many: absent when the whole list is rendered. */
  posInSet?: number | undefined;
  setSize?: number | undefined;
}

/** How long a row says "Copied" after a tap: long enough to see, gone before the next tap elsewhere. */
const COPIED_MS = 1500;

/** A second tap on Next code this soon is taken as a double tap, not a request for yet another code. */
const NEXT_CODE_DEBOUNCE_MS = 800;

/** One account: tap (or Enter) copies the code; HOTP has its own Next code button; the rest sits in a menu. */
export const AccountItem = memo(function AccountItem({
  account,
  codes,
  actions,
  showNext,
  hidden,
  onReveal,
  posInSet,
  setSize,
}: Props) {
  const title = accountTitle(account);
  const id = account.id;
  const [menuOpen, setMenuOpen] = useState(false);
  const [copied, setCopied] = useState(false);

  // The feedback is in the row itself, so nothing covers the rows below it (the toast host only announces it).
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), COPIED_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  async function activate() {
    const code = codes.get(id, codeVersion(account))?.code;
    if (hidden) onReveal(account);
    else if (code && (await actions.copy(account, code))) setCopied(true);
  }

  return (
    <li
      class={`account${account.favorite ? ' favorite' : ''}${menuOpen ? ' menu-open' : ''}${copied ? ' copied' : ''}`}
      data-id={id}
      aria-posinset={posInSet}
      aria-setsize={setSize}
    >
      <button
        type="button"
        class="account-main"
        onClick={() => void activate()}
        // No aria-label: the name is the row's own visible text (names, then the live code) plus what a tap does,
        // so it follows the code without a re-render and says what sighted users read (WCAG 2.5.3).
      >
        <Avatar account={account} />
        <span class="names">
          <span class="issuer">
            {account.favorite && (
              <>
                <Star class="star" size={14} aria-hidden="true" />
                <span class="visually-hidden">{t('account.favourite')} </span>
              </>
            )}
            {account.issuer || account.name || t('account.unnamed')}
          </span>
          {account.issuer && account.name && <span class="name">{account.name}</span>}
        </span>
        <LiveCode id={id} version={codeVersion(account)} codes={codes} hidden={hidden} showNext={showNext} />
        <span class="visually-hidden">{hidden ? t('account.hiddenHint') : t('account.copyHint')}</span>
        {copied && (
          <span class="copied-mark" aria-hidden="true">
            {t('account.copied')}
          </span>
        )}
      </button>
      <span class="meta">
        {account.type === 'hotp' ? (
          <HotpControls account={account} actions={actions} />
        ) : (
          <Countdown period={account.period} />
        )}
        <AccountMenu
          title={title}
          onOpenChange={setMenuOpen}
          items={[
            { label: t('account.showQr'), icon: QrCode, run: () => actions.showQr(account) },
            {
              label: account.favorite ? t('account.unpin') : t('account.pin'),
              icon: account.favorite ? PinOff : Pin,
              run: () => actions.toggleFavorite(account),
            },
            { label: t('account.edit'), icon: Pencil, run: () => actions.edit(account) },
            { label: t('account.delete'), icon: Trash2, run: () => actions.remove(account), danger: true },
          ]}
        />
      </span>
    </li>
  );
});

/**
 * Changes the text of the span's one Text node in place. Replacing the node (textContent) would be a child-list
 * mutation, which makes the browser re-check styles up the tree; 1,000 of them at a period boundary add up.
 */
function write(span: HTMLSpanElement | null, text: string) {
  const node = span?.firstChild;
  if (node instanceof Text) {
    if (node.data !== text) node.data = text;
  } else if (span) {
    span.textContent = text;
  }
}

/** Masked codes keep their length and grouping, so revealing one does not shift the row. */
function mask(code: string): string {
  return groupCode('0'.repeat(code.length || 6)).replace(/0/g, '•');
}

/**
 * The code (and the optional next code) as text the row writes itself when the store has a new code. Preact
 * renders the spans empty and never touches their text again.
 */
function LiveCode({
  id,
  version,
  codes,
  hidden,
  showNext,
}: {
  id: string;
  /** The account's codeVersion: after an edit of its secret or counter, the old code is not shown. */
  version: string;
  codes: CodeStore;
  hidden: boolean;
  showNext: boolean;
}) {
  const current = useRef<HTMLSpanElement>(null);
  const next = useRef<HTMLSpanElement>(null);
  // Every row is written, on screen or not: skipped rows stay in the accessibility tree, and a screen reader
  // must never read out an old code. Text written into a row the browser skips costs no layout until it shows.
  // A layout effect: the code known at mount (primed at unlock, or from the last visit) is in the first frame.
  useLayoutEffect(
    () =>
      codes.watch(id, version, (view) => {
        const code = view?.code ?? '';
        write(current.current, hidden ? mask(code) : groupCode(code) || '…');
        write(next.current, view?.next ? t('account.next', { code: groupCode(view.next) }) : '');
      }),
    [id, version, codes, hidden, showNext],
  );
  return (
    <span class="code-block">
      <span class={`code${hidden ? ' masked' : ''}`} ref={current} aria-hidden={hidden ? 'true' : undefined}>
        {' '}
      </span>
      {showNext && !hidden && (
        <span class="next-code" ref={next}>
          {' '}
        </span>
      )}
    </span>
  );
}

/** The counter and the Next code button; the new counter is saved before the new code can show. */
function HotpControls({ account, actions }: { account: Account; actions: AccountActions }) {
  const [busy, setBusy] = useState(false);
  const cooling = useRef(false);

  async function advance() {
    if (busy || cooling.current) return;
    cooling.current = true;
    // A timer rather than timestamps: it keeps working when a test (or a frozen clock) holds Date.now() still.
    setTimeout(() => (cooling.current = false), NEXT_CODE_DEBOUNCE_MS);
    setBusy(true);
    try {
      await actions.nextCode(account);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <span class="counter">
        <span class="visually-hidden">{t('account.counter')} </span>
        <span aria-hidden="true">#</span>
        {account.counter}
      </span>
      {/* An icon: a worded button pushed the code out of a phone's row. The name says what it does. */}
      <button
        type="button"
        class="icon"
        aria-disabled={busy ? 'true' : undefined}
        aria-label={t('account.nextCodeFor', { name: accountTitle(account) })}
        onClick={() => void advance()}
      >
        <RotateCw size={20} aria-hidden="true" />
      </button>
    </>
  );
}
