import type { MessageKey } from '../i18n/catalog';
import { language, t } from '../i18n/t';

/** An error said out loud: role="alert" makes screen readers announce it as soon as it appears. */
export function Alert({ message, id }: { message: string | null; id?: string }) {
  if (!message) return null;
  return (
    <p role="alert" class="alert" id={id}>
      {message}
    </p>
  );
}

/** An error the UI itself raises, its message already in the language in use. */
export class SaidError extends Error {}

/** File errors whose sentence depends on what the file was for (en-errors.ts: `error.<about>.<code>`). */
const ABOUT_CODES = ['unsupported-format', 'too-large', 'damaged-file'];

/**
 * The text to show for anything thrown. Our coded errors carry an English sentence with the detail; in another
 * language the code's sentence from the catalog is said instead (docs/i18n.md): a sync problem's by its
 * `detail.problem`, a file error's by `about`, what the file was for. Anything else gets a generic one.
 */
export function errorMessage(error: unknown, about?: 'icon' | 'iconPack'): string {
  if (error instanceof SaidError) return error.message;
  if (error && typeof error === 'object' && 'name' in error && error.name === 'LatchkeyError') {
    const { code, message, detail } = error as Error & { code: string; detail?: { problem?: string } };
    if (language.value === 'en') return message;
    if (code === 'sync-failed' && detail?.problem) return t(`sync.problem.${detail.problem}` as MessageKey);
    return t((about && ABOUT_CODES.includes(code) ? `error.${about}.${code}` : `error.${code}`) as MessageKey);
  }
  return t('common.somethingWrong');
}
