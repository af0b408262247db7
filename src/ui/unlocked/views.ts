/**
 * The screens of the unlocked app and their addresses. Every screen opened from the list is a history entry, so
 * the browser's Back (and Android's back gesture) returns to where the person came from. An address never holds a
 * secret or a name: a screen's data stays in memory (navigation.ts), and a screen that needs it is not restored
 * from its address after a reload.
 */
import type { Account, AccountDraft } from '../../core/account';
import type { ImportResult } from '../../formats/types';
import { QR_FORM_VIEWS, type QrView } from '../qr/qr-views';
import { SETTINGS_SECTIONS, type SettingsSection } from '../settings/settings-sections';

export type View =
  | { name: 'list' }
  | { name: 'add'; error?: string }
  | { name: 'manual' }
  | { name: 'review'; draft: AccountDraft; source: string }
  | { name: 'edit'; account: Account }
  | { name: 'delete'; account: Account }
  | QrView
  | { name: 'settings' }
  | { name: 'settings-section'; section: SettingsSection }
  | { name: 'import'; result: ImportResult };

/** Screens that hold something half-entered: an update must not reload under them. */
export const FORM_VIEWS: ReadonlySet<View['name']> = new Set([
  'add',
  'manual',
  'review',
  'edit',
  'delete',
  ...QR_FORM_VIEWS,
  'import',
]);

const FIXED_PATHS: Partial<Record<View['name'], string>> = {
  list: '/',
  add: '/add',
  manual: '/add/manual',
  scan: '/add/scan',
  'qr-image': '/add/picture',
  migration: '/add/transfer',
  review: '/add/review',
  import: '/import',
  edit: '/account/edit',
  delete: '/account/delete',
  'show-qr': '/account/qr',
  settings: '/settings',
  'new-secret': '/settings/tools/new-secret',
  'export-transfer': '/settings/transfer/google',
};

export function pathOf(view: View): string {
  if (view.name === 'settings-section') return `/settings/${view.section}`;
  return FIXED_PATHS[view.name] ?? '/';
}

/**
 * The screen an address shows when there is nothing in memory for it (a reload, a link): only screens that need
 * no data from before. Anything else is the list.
 */
export function viewFromPath(path: string): View {
  const clean = path.replace(/\/+$/, '') || '/';
  const section = /^\/settings\/([a-z]+)$/.exec(clean)?.[1];
  if (section && (SETTINGS_SECTIONS as readonly string[]).includes(section)) {
    return { name: 'settings-section', section: section as SettingsSection };
  }
  const restorable: View[] = [
    { name: 'add' },
    { name: 'manual' },
    { name: 'scan' },
    { name: 'settings' },
    { name: 'new-secret' },
  ];
  return restorable.find((view) => pathOf(view) === clean) ?? { name: 'list' };
}
