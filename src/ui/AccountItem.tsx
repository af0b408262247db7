import { memo } from 'preact/compat';
import { useState } from 'preact/hooks';
import type { Account } from '../core/account';
import type { CodeView } from '../app/codes';
import { Countdown } from './Countdown';
import { avatarHue, groupCode, monogram } from './format-code';

export interface AccountActions {
  copy(account: Account, code: string): void;
  nextCode(account: Account): void;
  showQr(account: Account): void;
  edit(account: Account): void;
  remove(account: Account): void;
  toggleFavorite(account: Account): void;
}

interface Props {
  account: Account;
  code: CodeView | undefined;
  actions: AccountActions;
  showNext: boolean;
  hidden: boolean;
  onReveal(account: Account): void;
}

/** One account: tap (or Enter) copies the code; HOTP has its own Next code button; the rest sits in a menu. */
export const AccountItem = memo(function AccountItem({ account, code, actions, showNext, hidden, onReveal }: Props) {
  const [menuOpen, setMenuOpen] = useState(false);
  const current = code?.code ?? '';
  const title = account.issuer || account.name || 'Unnamed account';
  const shown = hidden ? '••• •••' : groupCode(current);

  function activate() {
    if (hidden) onReveal(account);
    else if (current) actions.copy(account, current);
  }

  return (
    <li class={`account${account.favorite ? ' favorite' : ''}`} data-id={account.id}>
      <button
        type="button"
        class="account-main"
        onClick={activate}
        aria-label={hidden ? `Reveal code for ${title}` : `Copy code ${shown} for ${title} ${account.name}`}
      >
        <span class="avatar" aria-hidden="true" style={{ backgroundColor: `hsl(${avatarHue(title)} 55% 42%)` }}>
          {monogram(account.issuer, account.name)}
        </span>
        <span class="names">
          <span class="issuer">{account.issuer || account.name}</span>
          {account.issuer && <span class="name">{account.name}</span>}
        </span>
        <span class="code-block">
          <span class="code" aria-live="off">
            {shown}
          </span>
          {showNext && code?.next && !hidden && <span class="next-code">next {groupCode(code.next)}</span>}
        </span>
      </button>
      <span class="meta">
        {account.type === 'hotp' ? (
          <>
            <span class="counter">#{account.counter}</span>
            <button type="button" class="small" onClick={() => actions.nextCode(account)}>
              Next code
            </button>
          </>
        ) : (
          <Countdown period={account.period} />
        )}
        <button
          type="button"
          class="icon"
          aria-haspopup="menu"
          aria-expanded={menuOpen}
          aria-label={`More actions for ${title}`}
          onClick={() => setMenuOpen(!menuOpen)}
        >
          ⋮
        </button>
      </span>
      {menuOpen && (
        <div class="menu" role="menu" onKeyDown={(e) => e.key === 'Escape' && setMenuOpen(false)}>
          {[
            ['Show QR code', () => actions.showQr(account)],
            [account.favorite ? 'Unpin favourite' : 'Pin as favourite', () => actions.toggleFavorite(account)],
            ['Edit', () => actions.edit(account)],
            ['Delete', () => actions.remove(account)],
          ].map(([label, run]) => (
            <button
              key={label as string}
              type="button"
              role="menuitem"
              onClick={() => {
                setMenuOpen(false);
                (run as () => void)();
              }}
            >
              {label as string}
            </button>
          ))}
        </div>
      )}
    </li>
  );
});
