import { ALGORITHMS } from '../../core/account';
import type { DraftFields } from '../../core/draft';
import { STEAM } from '../../core/steam';
import { t } from '../i18n/t';

/**
 * Type, algorithm, digits, period and counter: shared by the manual form and the edit screen. Every field stays
 * visible and editable whatever the type (a field that vanished mid-edit would lose what was typed); the hints
 * say which type uses it.
 */
export function AdvancedFields({
  fields,
  set,
  prefix,
}: {
  fields: DraftFields;
  set: (key: keyof DraftFields) => (e: Event) => void;
  prefix: string;
}) {
  const id = (name: string) => `${prefix}-${name}`;
  const steam = fields.type === 'steam';
  return (
    <>
      <label for={id('type')}>{t('fields.type')}</label>
      <select id={id('type')} value={fields.type} onChange={set('type')}>
        <option value="totp">{t('fields.totp')}</option>
        <option value="hotp">{t('fields.hotp')}</option>
        <option value="steam">{t('fields.steam')}</option>
      </select>
      <label for={id('algorithm')}>{t('fields.algorithm')}</label>
      <select
        id={id('algorithm')}
        value={fields.algorithm}
        onChange={set('algorithm')}
        aria-describedby={steam ? id('alg-hint') : undefined}
      >
        {ALGORITHMS.map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </select>
      {steam && (
        <p id={id('alg-hint')} class="hint">
          {t('fields.steamHint', { algorithm: STEAM.algorithm, digits: STEAM.digits, period: STEAM.period })}
        </p>
      )}
      <label for={id('digits')}>{t('fields.digits')}</label>
      <input id={id('digits')} inputMode="numeric" value={fields.digits} onInput={set('digits')} />
      <label for={id('period')}>{t('fields.period')}</label>
      <input
        id={id('period')}
        inputMode="numeric"
        value={fields.period}
        onInput={set('period')}
        aria-describedby={id('period-hint')}
      />
      <p id={id('period-hint')} class="hint">
        {t('fields.periodHint')}
      </p>
      <label for={id('counter')}>{t('fields.counter')}</label>
      <input
        id={id('counter')}
        inputMode="numeric"
        value={fields.counter}
        onInput={set('counter')}
        aria-describedby={id('counter-hint')}
      />
      <p id={id('counter-hint')} class="hint">
        {t('fields.counterHint')}
      </p>
    </>
  );
}
