import type { ComponentChildren } from 'preact';
import '../i18n/uses-setup';
import { ArrowLeft } from './icons';
import { t } from '../i18n/t';
import { Mark } from '../shell/Mark';

interface Props {
  title: string;
  /** The way back, at the top of every screen but the list (navigation.ts: where the person came from). */
  onBack?: () => void;
  /** Icon buttons at the end of the bar. */
  children?: ComponentChildren;
}

/** The top of a screen: the way back or Latchkey's mark, the screen's title (its h1), its icon buttons. */
export function AppBar({ title, onBack, children }: Props) {
  return (
    <header class="app-bar">
      {onBack ? (
        <button type="button" class="icon" aria-label={t('common.back')} onClick={onBack}>
          <ArrowLeft class="flip-rtl" size={24} aria-hidden="true" />
        </button>
      ) : (
        <Mark />
      )}
      <h1>{title}</h1>
      {children}
    </header>
  );
}
