import { memo } from 'preact/compat';
import { useRef, useState } from 'preact/hooks';
import { accountTitle, type Account } from '../core/account';
import { AccountMenu } from './AccountMenu';
import { Countdown } from './Countdown';
import { avatarColor, groupCode, monogram } from './format-code';

export interface AccountActions {
  copy(account: Account, code: string): void;
  /** Resolves once the new counter is stored (the row ignores further taps until then). */
  nextCode(account: Account): void | Promise<void>;
  showQr(account: Account): void;
  edit(account: Account): void;
  remove(account: Account): void;
  toggleFavorite(account: Account): void;
}

interface Props {
  account: Account;
  /** The current code ('' until computed); strings, not objects, so unchanged rows skip re-rendering. */
  code: string;
  next: string;
  actions: AccountActions;
  showNext: boolean;
  hidden: boolean;
  onReveal(account: Account): void;
}

/** A second tap on Next code this soon is taken as a double tap, not a request for yet another code. */
const NEXT_CODE_DEBOUNCE_MS = 800;

/** One account: tap (or Enter) copies the code; HOTP has its own Next code button; the rest sits in a menu. */
export const AccountItem = memo(function AccountItem({
  account,
  code,
  next,
  actions,
  showNext,
  hidden,
  onReveal,
}: Props) {
  const title = accountTitle(account);
  // Masked codes keep their length and grouping, so revealing one does not shift the row.
  const shown = hidden ? groupCode('0'.repeat(code.length || 6)).replace(/0/g, '•') : groupCode(code);

  function activate() {
    if (hidden) onReveal(account);
    else if (code) actions.copy(account, code);
  }

  const label = hidden
    ? `Reveal code for ${title}`
    : code
      ? `Copy code ${shown} for ${title}${showNext && next ? `, next code ${groupCode(next)}` : ''}`
      : `Code for ${title} is being computed`;

  return (
    <li class={`account${account.favorite ? ' favorite' : ''}`} data-id={account.id}>
      <button type="button" class="account-main" onClick={activate} aria-label={label}>
        <span
          class="avatar"
          aria-hidden="true"
          style={{ backgroundColor: avatarColor(account.issuer || account.name) }}
        >
          {monogram(account.issuer, account.name)}
        </span>
        <span class="names">
          <span class="issuer">
            {account.favorite && (
              <span class="star" aria-hidden="true">
                ★{' '}
              </span>
            )}
            {account.issuer || account.name || 'Unnamed account'}
          </span>
          {account.issuer && account.name && <span class="name">{account.name}</span>}
        </span>
        <span class="code-block">
          <span class={`code${hidden ? ' masked' : ''}`}>{shown || '…'}</span>
          {showNext && next && !hidden && <span class="next-code">next {groupCode(next)}</span>}
        </span>
      </button>
      <span class="meta">
        {account.type === 'hotp' ? (
          <HotpControls account={account} actions={actions} />
        ) : (
          <Countdown period={account.period} />
        )}
        <AccountMenu
          title={title}
          items={[
            { label: 'Show QR code', run: () => actions.showQr(account) },
            {
              label: account.favorite ? 'Unpin favourite' : 'Pin as favourite',
              run: () => actions.toggleFavorite(account),
            },
            { label: 'Edit', run: () => actions.edit(account) },
            { label: 'Delete', run: () => actions.remove(account) },
          ]}
        />
      </span>
    </li>
  );
});

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
        <span class="visually-hidden">Counter </span>
        <span aria-hidden="true">#</span>
        {account.counter}
      </span>
      <button
        type="button"
        class="small"
        aria-disabled={busy ? 'true' : undefined}
        aria-label={`Next code for ${accountTitle(account)}`}
        onClick={() => void advance()}
      >
        Next code
      </button>
    </>
  );
}
