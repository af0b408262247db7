import { ALGORITHMS } from '../core/account';
import type { DraftFields } from '../core/draft';

/** Type, algorithm, digits, period and counter: shared by the manual form and the edit screen. */
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
  return (
    <>
      <label for={id('type')}>Type</label>
      <select id={id('type')} value={fields.type} onChange={set('type')}>
        <option value="totp">TOTP (time-based)</option>
        <option value="hotp">HOTP (counter-based)</option>
        <option value="steam">Steam</option>
      </select>
      <label for={id('algorithm')}>Algorithm</label>
      <select id={id('algorithm')} value={fields.algorithm} onChange={set('algorithm')}>
        {ALGORITHMS.map((a) => (
          <option key={a} value={a}>
            {a}
          </option>
        ))}
      </select>
      <label for={id('digits')}>Digits</label>
      <input id={id('digits')} inputMode="numeric" value={fields.digits} onInput={set('digits')} />
      <label for={id('period')}>Period</label>
      <input id={id('period')} inputMode="numeric" value={fields.period} onInput={set('period')} />
      <label for={id('counter')}>Counter</label>
      <input id={id('counter')} inputMode="numeric" value={fields.counter} onInput={set('counter')} />
    </>
  );
}
