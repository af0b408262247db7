import type { SyncStatus } from '../../app/sync/controller';
import type { MessageKey } from '../i18n/catalog';
import { language, t } from '../i18n/t';

/**
 * The sync status in words, in the language in use: when it last synced (a relative time through Intl), what
 * waits, or what is wrong. A problem is said with the error's own sentence in English (it names the server) and
 * with the problem's sentence from the catalog in any other language (`sync.problem.<problem>`).
 */
export function syncStatusText(status: SyncStatus, now: number): string {
  switch (status.kind) {
    case 'off':
      return t('sync.status.off');
    case 'syncing':
      return t('sync.status.syncing');
    case 'synced': {
      const ago = agoText(now - status.lastAt);
      if (status.waiting) return t('sync.status.syncedWaiting', { ago, count: status.waiting });
      return t(status.conditional === false ? 'sync.status.syncedChecked' : 'sync.status.synced', { ago });
    }
    case 'problem': {
      const said = language.value === 'en' ? status.message : t(`sync.problem.${status.problem}` as MessageKey);
      if (status.problem === 'offline' || status.problem === 'unreachable') {
        const problem = status.problem === 'offline' ? t('sync.status.offline') : said.replace(/[.。]$/, '');
        return status.waiting
          ? t('sync.status.stoppedWaiting', { problem, count: status.waiting })
          : t('sync.status.stopped', { problem });
      }
      return status.waiting ? `${said} ${t('sync.status.waitingHere', { count: status.waiting })}` : said;
    }
  }
}

/** "just now", "3 minutes ago", "1 hour ago" (Intl.RelativeTimeFormat). */
function agoText(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return t('sync.justNow');
  const relative = new Intl.RelativeTimeFormat(language.value, { numeric: 'always' });
  return minutes < 60 ? relative.format(-minutes, 'minute') : relative.format(-Math.floor(minutes / 60), 'hour');
}
