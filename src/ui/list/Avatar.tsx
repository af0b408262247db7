import type { Account } from '../../core/account';
import { avatarColor, monogram } from './format-code';

/** The monogram avatar: a stable colour per issuer, drawn locally (no icons fetched from anywhere). */
export function Avatar({ account }: { account: Pick<Account, 'issuer' | 'name'> }) {
  return (
    <span class="avatar" aria-hidden="true" style={{ backgroundColor: avatarColor(account.issuer || account.name) }}>
      {monogram(account.issuer, account.name)}
    </span>
  );
}
