import { ALGORITHMS } from '../../core/account';
import type { DraftFields } from '../../core/draft';
import { STEAM } from '../../core/steam';

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
      <label for={id('type')}>Type</label>
      <select id={id('type')} value={fields.type} onChange={set('type')}>
        <option value="totp">TOTP (time-based)</option>
        <option value="hotp">HOTP (counter-based)</option>
        <option value="steam">Steam</option>
      </select>
      <label for={id('algorithm')}>Algorithm</label>
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
          Steam always uses {STEAM.algorithm}, {STEAM.digits} characters and {STEAM.period} seconds.
        </p>
      )}
      <label for={id('digits')}>Digits</label>
      <input id={id('digits')} inputMode="numeric" value={fields.digits} onInput={set('digits')} />
      <label for={id('period')}>Period</label>
      <input
        id={id('period')}
        inputMode="numeric"
        value={fields.period}
        onInput={set('period')}
        aria-describedby={id('period-hint')}
      />
      <p id={id('period-hint')} class="hint">
        Seconds each code lasts (TOTP), usually 30.
      </p>
      <label for={id('counter')}>Counter</label>
      <input
        id={id('counter')}
        inputMode="numeric"
        value={fields.counter}
        onInput={set('counter')}
        aria-describedby={id('counter-hint')}
      />
      <p id={id('counter-hint')} class="hint">
        HOTP only: the number of the next code.
      </p>
    </>
  );
}
