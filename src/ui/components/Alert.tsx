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

/**
 * The text to show for anything thrown. Our coded errors carry an English sentence with the detail; in another
 * language the code's sentence from the catalog is said instead (docs/i18n.md). Anything else gets a generic one.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof SaidError) return error.message;
  if (error && typeof error === 'object' && 'name' in error && error.name === 'LatchkeyError') {
    const { code, message } = error as Error & { code: string };
    return language.value === 'en' ? message : t(`error.${code}` as MessageKey);
  }
  return t('common.somethingWrong');
}
